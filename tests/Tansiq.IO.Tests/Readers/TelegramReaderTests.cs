using System.Text;
using Tansiq.Core.CoAction;
using Tansiq.Core.Model;
using Tansiq.IO.Readers;

namespace Tansiq.IO.Tests.Readers;

/// <summary>Fixtures written by us after the layout of Telegram Desktop's "Export chat history" / "Export Telegram
/// data" JSON (result.json): one group chat, and a whole-account export with chats.list.</summary>
public class TelegramReaderTests
{
    private static List<Message> Read(string path, ReadOptions? options = null) =>
        [.. MessageReaders.Open(path, InputFormat.Auto, options ?? new ReadOptions())];

    [Theory]
    [InlineData("telegram-chat.json")]
    [InlineData("telegram-account.json")]
    public void Detect_Exports_AreTelegram(string fixture)
    {
        Assert.Equal(InputFormat.Telegram, MessageReaders.Detect(TempFiles.Fixture(fixture)));
    }

    [Fact]
    public void Read_SingleChat_MapsMessagesAndSkipsServiceMessages()
    {
        var messages = Read(TempFiles.Fixture("telegram-chat.json"));

        Assert.Equal(["1500000001/2", "1500000001/3", "1500000001/4"], messages.Select(m => m.MessageId));
        Assert.Equal(["user100", "user200", "channel1400000009"], messages.Select(m => m.AccountId));
        Assert.Equal(["Ali", "Sara", "Official Channel"], messages.Select(m => m.Username));
        Assert.Equal([1611223200.0, 1611223230, 1611223260], messages.Select(m => m.Timestamp));
        Assert.Equal("Statement: #العراق read it here", messages[0].Text);
        Assert.Equal(["العراق"], messages[0].Hashtags);
        Assert.Equal(["https://example.com/statement"], messages[0].Urls);
        Assert.Equal("1500000001/2", messages[1].ReplyTo);
        Assert.Equal(["ali_iq"], messages[1].Mentions);
        Assert.Equal(["https://example.org/x"], messages[1].Urls);
        Assert.NotNull(messages[0].ForwardOf);
        Assert.Null(messages[1].ForwardOf);
        Assert.All(messages, m => Assert.Equal("telegram", m.Platform));
    }

    [Fact]
    public void Read_WholeAccount_ReadsEveryChatWithChatScopedIds()
    {
        var messages = Read(TempFiles.Fixture("telegram-account.json"));

        Assert.Equal(["1500000002/10", "1500000002/11", "1500000003/10", "1500000003/12"], messages.Select(m => m.MessageId));
    }

    [Fact]
    public void Read_SameOriginalForwardedIntoTwoGroups_SharesOneForwardKey()
    {
        var messages = Read(TempFiles.Fixture("telegram-account.json"));

        // Same source, same text after normalisation (case, white space): the same original post.
        Assert.Equal(messages[0].ForwardOf, messages[1].ForwardOf);
        Assert.Equal(messages[0].ForwardOf, messages[2].ForwardOf);
        // Same text from another source is another original.
        Assert.NotEqual(messages[0].ForwardOf, messages[3].ForwardOf);
    }

    [Fact]
    public void CoForward_AccountsForwardingTheSameOriginalWithinTheWindow_AreTied()
    {
        var builder = new CorpusBuilder([SignalKind.CoForward]);
        foreach (var message in Read(TempFiles.Fixture("telegram-account.json")))
        {
            builder.Add(message);
        }
        var corpus = builder.Build();

        var events = corpus.Signals[SignalKind.CoForward];
        Assert.Equal(2, events.ObjectKeys.Count);
    }

    [Fact]
    public void Read_LargeExportInSmallPieces_StreamsEveryMessage()
    {
        using var files = new TempFiles();
        var b = new StringBuilder("{\"name\":\"Big\",\"type\":\"public_channel\",\"id\":7,\"messages\":[\n");
        const int Count = 5000;
        for (var i = 1; i <= Count; i++)
        {
            b.Append(i > 1 ? ",\n" : "").Append("{\"id\":").Append(i).Append(",\"type\":\"message\",\"date_unixtime\":\"").Append(1611223200 + i)
                .Append("\",\"from\":\"u\",\"from_id\":\"user").Append(i % 7).Append("\",\"text\":\"").Append(new string('x', i % 300)).Append("\"}");
        }
        b.Append("\n]}\n");
        var path = files.Text("result.json", b.ToString());

        var messages = Read(path);

        Assert.Equal(Count, messages.Count);
        Assert.Equal(Enumerable.Range(1, Count).Select(i => $"7/{i}"), messages.Select(m => m.MessageId));
    }

    [Fact]
    public void Read_MessageWithoutDate_NamesItsLine()
    {
        using var files = new TempFiles();
        var path = files.Text("result.json", "{\n\"name\":\"c\",\n\"id\":1,\n\"messages\":[\n{\"id\":1,\"type\":\"message\",\"from_id\":\"user1\",\"date_unixtime\":\"5\",\"text\":\"a\"},\n{\"id\":2,\"type\":\"message\",\"from_id\":\"user1\",\"text\":\"b\"}\n]}\n");

        var error = Assert.Throws<InputException>(() => Read(path));

        Assert.Equal(6, error.Line);
        Assert.Contains("message 2 has neither \"date_unixtime\" nor \"date\"", error.Reason);
    }

    [Fact]
    public void Read_TruncatedExport_IsFatal()
    {
        using var files = new TempFiles();
        var path = files.Text("result.json", "{\"name\":\"c\",\"id\":1,\"messages\":[{\"id\":1,\"type\":\"message\",\"from_id\":\"user1\",\"date_unixtime\":\"5\",\"text\":\"a\"},{\"id\":2,");

        var error = Assert.Throws<InputException>(() => Read(path));

        Assert.Contains("JSON", error.Reason);
    }
}
