using Tansiq.Core.CoAction;
using Tansiq.Core.Model;

namespace Tansiq.Core.Tests.CoAction;

public sealed class CoSimilarSignalTests
{
    private static Message Post(string id, string account, double time, string text, string? repostOf = null) =>
        new() { MessageId = id, AccountId = account, Timestamp = time, Text = text, RepostOf = repostOf };

    [Fact]
    public void Build_SpellingVariantsOfOneText_OneCoSimilarObjectNamedByTheEarliestPost()
    {
        var builder = new CorpusBuilder([SignalKind.CoSimilar]);
        // the same accusation in alef, yaa, taa marbuta, tatweel and diacritic variants
        builder.Add(Post("m1", "a", 100, "الصحفي خائن للوطن ويعمل لجهات أجنبية معروفة"));
        builder.Add(Post("m2", "b", 104, "الصحفي خائن للوطن ويعمل لجهات اجنبية معروفه"));
        builder.Add(Post("m3", "c", 109, "الصحـــفي خائنٌ للوطن ويعمل لجهات إجنبية معروفة"));
        builder.Add(Post("m4", "d", 120, "صباح الخير يا بغداد الجميلة في هذا اليوم المشمس"));
        builder.Add(Post("m5", "e", 121, "الصحفي خائن للوطن ويعمل لجهات أجنبية معروفة", repostOf: "m1"));

        var corpus = builder.Build();

        var events = corpus.Signals[SignalKind.CoSimilar];
        Assert.Equal(1, events.ObjectCount);
        Assert.Equal("m1", events.ObjectKeys[0]);
        var accounts = events.EventsOf(0).ToArray().Select(e => corpus.Accounts[e.Account]).ToArray();
        Assert.Equal(["a", "b", "c"], accounts);
        Assert.Equal("الصحفي خائن للوطن ويعمل لجهات أجنبية معروفة", corpus.SimilarTexts[0]);
    }

    [Fact]
    public void Build_CoSimilarNotRequested_KeepsNoTexts()
    {
        var builder = new CorpusBuilder([SignalKind.CoRepost]);
        builder.Add(Post("m1", "a", 100, "الصحفي خائن للوطن ويعمل لجهات أجنبية معروفة"));
        builder.Add(Post("m2", "b", 104, "الصحفي خائن للوطن ويعمل لجهات اجنبية معروفه"));

        var corpus = builder.Build();

        Assert.False(corpus.Signals.ContainsKey(SignalKind.CoSimilar));
        Assert.Empty(corpus.SimilarTexts);
    }
}
