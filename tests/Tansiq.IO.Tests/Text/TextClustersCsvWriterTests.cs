using Tansiq.IO.Text;

namespace Tansiq.IO.Tests.Text;

public class TextClustersCsvWriterTests
{
    [Fact]
    public void Write_TextWithCommaQuoteAndNewline_QuotedPerRfc4180()
    {
        var writer = new StringWriter();
        TextClustersCsvWriter.Write(writer,
        [
            new TextClusterRow(0, "m,1", "a", 0, "قال \"لا\",\nثم ذهب"),
            new TextClusterRow(12, "m2", "b", 1612345678.5, "نص عادي"),
        ]);
        Assert.Equal(
            "cluster_id,message_id,account_id,timestamp,text\n"
            + "0,\"m,1\",a,1970-01-01T00:00:00Z,\"قال \"\"لا\"\",\nثم ذهب\"\n"
            + "12,m2,b,2021-02-03T09:47:58.500Z,نص عادي\n",
            writer.ToString());
    }

    [Fact]
    public void Write_ToPath_NoTempFileLeft()
    {
        var dir = Path.Combine(Path.GetTempPath(), "tansiq-textcsv-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            var path = Path.Combine(dir, "text_clusters.csv");
            TextClustersCsvWriter.Write(path, [new TextClusterRow(0, "m", "a", 60, "x")]);
            Assert.Equal("cluster_id,message_id,account_id,timestamp,text\n0,m,a,1970-01-01T00:01:00Z,x\n", File.ReadAllText(path));
            Assert.Equal(["text_clusters.csv"], Directory.GetFiles(dir).Select(Path.GetFileName));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
