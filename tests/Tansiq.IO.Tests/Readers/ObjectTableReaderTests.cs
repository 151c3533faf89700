using Tansiq.Core.CoAction;
using Tansiq.Core.Model;
using Tansiq.IO.Readers;

namespace Tansiq.IO.Tests.Readers;

/// <summary>The fixture is written by us after CooRTweet's documented input layout (object_id, account_id,
/// content_id, timestamp_share): two image hashes, one post carrying both.</summary>
public class ObjectTableReaderTests
{
    [Fact]
    public void Detect_CooRTweetLayout_IsObjectTableNotAMissingColumnError()
    {
        Assert.Equal(InputFormat.ObjectTable, MessageReaders.Detect(TempFiles.Fixture("object-table-sample.csv")));
    }

    [Fact]
    public void Read_Fixture_OneMessagePerRowWithTheKindPrefixedObject()
    {
        var messages = MessageReaders.Open(TempFiles.Fixture("object-table-sample.csv"), InputFormat.Auto, new ReadOptions { ObjectKind = "image_hash" }).ToList();

        Assert.Equal(6, messages.Count);
        Assert.Equal(6, messages.Select(m => m.MessageId).Distinct().Count()); // post_1 carries two objects: both kept
        Assert.Equal("image_hash:9f86d081884c7d65", messages[0].SharedObject);
        Assert.Equal(("acc_2", 1611223230.0), (messages[1].AccountId, messages[1].Timestamp));
        Assert.All(messages, m => Assert.Null(m.RepostOf));
    }

    [Fact]
    public void CoObject_SameObjectWithinTheWindow_TiesAccountsPerObject()
    {
        var builder = new CorpusBuilder([SignalKind.CoObject]);
        foreach (var message in MessageReaders.Open(TempFiles.Fixture("object-table-sample.csv"), InputFormat.Auto, new ReadOptions { ObjectKind = "image_hash" }))
        {
            builder.Add(message);
        }
        var corpus = builder.Build();

        var events = corpus.Signals[SignalKind.CoObject];
        Assert.Equal(["image_hash:60303ae22b998861", "image_hash:9f86d081884c7d65"], events.ObjectKeys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Read_MissingContentId_NamesOnlyIt()
    {
        using var files = new TempFiles();
        var path = files.Text("o.csv", "object_id,account_id,timestamp_share\nx,a,5\n");

        var error = Assert.Throws<InputException>(() => MessageReaders.Open(path, InputFormat.ObjectTable, new ReadOptions()).ToList());

        Assert.Contains("lacks the required column content_id (header:", error.Reason);
    }

    [Fact]
    public void Read_WideTableOneKindViaColumns_RowsWithoutThatKindArePassedOver()
    {
        using var files = new TempFiles();
        var path = files.Text("wide.csv", "account_id,post_id,url_id,phash_id,timestamp\ntw_1,1,u9,,1629064892\ntw_2,2,,p7,1629064900\ntw_3,3,,p7,1629064910\n");
        Assert.True(ColumnMaps.TryParse("post_id=content_id,phash_id=object_id", out var map, out _));

        var source = MessageReaders.Open(path, InputFormat.Auto, new ReadOptions { ColumnMap = map, ObjectKind = "phash" });
        var messages = source.ToList();

        Assert.Equal(InputFormat.ObjectTable, source.Format);
        Assert.Equal(["tw_2", "tw_3"], messages.Select(m => m.AccountId));
        Assert.All(messages, m => Assert.Equal("phash:p7", m.SharedObject));
    }

    [Fact]
    public void CoObject_KindColumn_OneSignalPerKindNamedAfterIt()
    {
        var builder = new CorpusBuilder([SignalKind.CoObject]);
        foreach (var message in MessageReaders.Open(TempFiles.Fixture("object-table-kinds-sample.csv"), InputFormat.Auto, new ReadOptions { ObjectKind = "image_hash" }))
        {
            builder.Add(message);
        }
        var corpus = builder.Build();

        // The fixture: an image hash shared by acc_1, acc_2 and (with an empty kind cell: --object-kind's) acc_3; a
        // domain shared by all three. Each kind is its own signal, with its own objects and events.
        Assert.Equal(["co-object:domain", "co-object:image_hash"], corpus.Signals.Keys.Select(k => k.Name()).Order(StringComparer.Ordinal));
        var images = corpus.Signals[SignalNames.ObjectKind("image_hash")];
        var domains = corpus.Signals[SignalNames.ObjectKind("domain")];
        Assert.Equal(["image_hash:9f86d081884c7d65"], images.ObjectKeys);
        Assert.Equal(3, images.Events.Length);
        Assert.Equal(["domain:example.org"], domains.ObjectKeys);
        Assert.Equal(3, domains.Events.Length);
        Assert.True(SignalNames.TryParse("co-object:domain", out var parsed));
        Assert.Equal(SignalNames.ObjectKind("domain"), parsed);
    }

    [Fact]
    public void CoObject_KindColumnForNetworks_OneSignalWithKindPrefixedKeys()
    {
        var builder = new CorpusBuilder([SignalKind.CoObject]);
        foreach (var message in MessageReaders.Open(TempFiles.Fixture("object-table-kinds-sample.csv"), InputFormat.Auto, new ReadOptions { ObjectKind = "image_hash", ObjectKindSignals = false }))
        {
            builder.Add(message);
        }

        var events = builder.Build().Signals[SignalKind.CoObject];

        Assert.Equal(["domain:example.org", "image_hash:9f86d081884c7d65"], events.ObjectKeys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Read_KindWithASpace_RejectedNamingFileAndLine()
    {
        using var files = new TempFiles();
        var path = files.Text("k.csv", "object_id,account_id,content_id,timestamp,kind\nx,a,p1,5,domain\nx,b,p2,6,image hash\n");

        var error = Assert.Throws<InputException>(() => MessageReaders.Open(path, InputFormat.Auto, new ReadOptions()).ToList());

        Assert.Equal(3, error.Line);
        Assert.Contains("object kind 'image hash'", error.Reason);
    }
}
