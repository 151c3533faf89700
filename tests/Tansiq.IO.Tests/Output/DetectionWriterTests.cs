using System.Collections;
using Tansiq.Core.Detection;
using Tansiq.Core.Model;
using Tansiq.IO.Output;

namespace Tansiq.IO.Tests.Output;

public class DetectionWriterTests
{
    [Fact]
    public void WriteAll_MissingNestedDirectory_CreatedWithExactlyTheNineOutputs()
    {
        using var dir = new TempDir();
        var outDir = Path.Combine(dir.Path, "runs", "first");

        var written = DetectionWriter.WriteAll(SampleResults.Small(), outDir);

        var expected = new[] { "accounts.csv", "clusters.json", "edge_objects.csv", "edges.csv", "leads.csv", "network.gexf", "network.graphml", "report.html", "summary.json" };
        Assert.Equal(expected, Directory.GetFiles(outDir).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(expected, written.Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.All(written, p => Assert.True(new FileInfo(p).Length > 0));
    }

    [Fact]
    public void WriteAll_SameResultTwice_ByteIdenticalFiles()
    {
        using var dir = new TempDir();
        var first = DetectionWriter.WriteAll(SampleResults.Small(), Path.Combine(dir.Path, "1"));
        var second = DetectionWriter.WriteAll(SampleResults.Small(), Path.Combine(dir.Path, "2"));

        Assert.Equal(9, first.Count);
        for (var i = 0; i < first.Count; i++)
        {
            Assert.Equal(File.ReadAllBytes(first[i]), File.ReadAllBytes(second[i]));
        }
    }

    [Fact]
    public void WriteAll_OutIsAnExistingFile_InputExceptionNamingIt()
    {
        using var dir = new TempDir();
        var file = dir.File("not-a-dir");
        File.WriteAllText(file, "x");

        var e = Assert.Throws<InputException>(() => DetectionWriter.WriteAll(SampleResults.Small(), file));

        Assert.Equal(file, e.File);
        Assert.Contains("cannot write the output", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void WriteAll_SideBySide_SameBytesAsOneAfterAnother()
    {
        using var dir = new TempDir();
        var result = SampleResults.Small();
        var one = DetectionWriter.WriteAll(result, Path.Combine(dir.Path, "1"), new DetectionWriterOptions { Parallelism = 1 });
        var four = DetectionWriter.WriteAll(result, Path.Combine(dir.Path, "4"), new DetectionWriterOptions { Parallelism = 4 });

        Assert.Equal(one.Select(Path.GetFileName), four.Select(Path.GetFileName));
        for (var i = 0; i < one.Count; i++)
        {
            Assert.Equal(File.ReadAllBytes(one[i]), File.ReadAllBytes(four[i]));
        }
    }

    [Fact]
    public void WriteAll_SideBySideOneFileFails_OthersCompleteItIsAbsentFailureRaised()
    {
        using var dir = new TempDir();
        var result = SampleResults.Small() with { EdgeObjects = BrokenEdgeObjects() };

        Assert.Throws<InvalidOperationException>(() => DetectionWriter.WriteAll(result, dir.Path, new DetectionWriterOptions { Parallelism = 2 }));

        var expected = new[] { "accounts.csv", "clusters.json", "edges.csv", "leads.csv", "network.gexf", "network.graphml", "report.html", "summary.json" };
        Assert.Equal(expected, Directory.GetFileSystemEntries(dir.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void WriteAll_OneAfterAnotherOneFileFails_StopsThereNoPartialFile()
    {
        using var dir = new TempDir();
        var result = SampleResults.Small() with { EdgeObjects = BrokenEdgeObjects() };

        Assert.Throws<InvalidOperationException>(() => DetectionWriter.WriteAll(result, dir.Path, new DetectionWriterOptions { Parallelism = 1 }));

        // Written largest first: edges.csv and the two network files come before edge_objects.csv, nothing after it.
        var expected = new[] { "edges.csv", "network.gexf", "network.graphml" };
        Assert.Equal(expected, Directory.GetFileSystemEntries(dir.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    private static FailingList<EdgeObjectResult> BrokenEdgeObjects() =>
        new(new EdgeObjectResult("a", "b", SignalKind.CoRepost, "o", 0, 1), failAfter: 5000);

    [Fact]
    public void EdgesWriter_SourceFailsMidway_NoFileUnderTheFinalNameAndNoTempLeft()
    {
        using var dir = new TempDir();
        var result = SampleResults.Small() with { Edges = new FailingList<EdgeResult>(new EdgeResult("a", "b", SignalKind.CoRepost, 1), failAfter: 5000) };

        Assert.Throws<InvalidOperationException>(() => EdgesCsvWriter.Write(result, dir.File("edges.csv")));

        Assert.Empty(Directory.GetFileSystemEntries(dir.Path));
    }

    [Fact]
    public void EdgesWriter_SourceFailsMidway_PreviousFileKeptIntact()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("edges.csv"), "previous run\n");
        var result = SampleResults.Small() with { Edges = new FailingList<EdgeResult>(new EdgeResult("a", "b", SignalKind.CoRepost, 1), failAfter: 5000) };

        Assert.Throws<InvalidOperationException>(() => EdgesCsvWriter.Write(result, dir.File("edges.csv")));

        Assert.Equal("previous run\n", File.ReadAllText(dir.File("edges.csv")));
        Assert.Single(Directory.GetFileSystemEntries(dir.Path));
    }

    [Fact]
    public void AtomicFile_WriteThrows_NothingLeftBehind()
    {
        using var dir = new TempDir();

        Assert.Throws<IOException>(() => AtomicFile.Write(dir.File("x.json"), s =>
        {
            s.Write(new byte[100_000]);
            throw new IOException("disk full");
        }));

        Assert.Empty(Directory.GetFileSystemEntries(dir.Path));
    }

    [Fact]
    public void AtomicFile_Success_ReplacesExistingFile()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("x.txt"), "old content that is longer");

        AtomicFile.WriteText(dir.File("x.txt"), w => w.Write("new"));

        Assert.Equal("new", File.ReadAllText(dir.File("x.txt")));
        Assert.Single(Directory.GetFileSystemEntries(dir.Path));
    }

    /// <summary>A list that hands out <paramref name="failAfter"/> copies of an item and then fails, like a source that breaks mid-stream.</summary>
    private sealed class FailingList<T>(T item, int failAfter) : IReadOnlyList<T>
    {
        public int Count => failAfter + 1;

        public T this[int index] => index < failAfter ? item : throw new InvalidOperationException("source broke");

        public IEnumerator<T> GetEnumerator()
        {
            for (var i = 0; i < failAfter; i++)
            {
                yield return item;
            }
            throw new InvalidOperationException("source broke");
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
