namespace Tansiq.Simulation.Tests.Evaluation;

/// <summary>
/// Squads that push the same orders: when every campaign post is pushed by two squads (and the leader's posts by his
/// fans), no object is one squad's own — each holds about half of the accounts on it, under the exclusivity share — so
/// a squad whose partner is found first is left with no own objects and fails whole or in fragments. Once a cluster has
/// passed, its kept members are set aside from the participants of every object when the other communities' own objects
/// are collected (Detector.Judging.cs, CollectOwnObjects): an order pushed by two squads is each squad's own once the
/// other is found. The community is judged with and without those posts, and the judgement with them stands when it
/// keeps more members.
/// </summary>
public class SharedOrdersTests
{
    [Fact]
    public void Detect_SquadWhoseOrdersAreAllSharedWithFoundSquads_Found()
    {
        // Seed-2 world 23: six scheduler squads (405 accounts, latency 5-8 s, jitter 18 s, participation 0.35) among
        // 566 fans; squad s1 (44 members, 30 actions each) pushes the leader's posts with his fast fans and the
        // commander's and producers' posts with the other squads: 1 of its 44 flagged before, in a community of 46
        // with 4 own objects; 348 of the 405 scheduler-squad members flagged before, 401 now.
        var evaluation = FuzzedWorld.DetectAndEvaluate(2, 23);
        var squads = evaluation.Behaviours.Single(b => b.Behaviour == "scheduler_squad");
        Assert.True(squads.Flagged >= 390, $"{squads.Flagged} of {squads.Members} scheduler-squad members flagged");
        Assert.Equal(0, evaluation.Fans.Flagged);
        Assert.Equal(0, evaluation.FriendGroupMembers.Flagged);
        Assert.Equal(0, evaluation.FalsePositives);
    }

    /// <summary>
    /// Seed-4 world 29 (a draw no rule was made on): two small scheduler squads push the leader's posts beside his 135
    /// fans, half of them fast (median 9 s). With the squads set aside, the leader's posts were the fans' community's own,
    /// and it passed at 16 minutes keeping 4 fast fans (3.0% of the fans). Posts shared with found clusters count only at
    /// seconds and minutes.
    /// </summary>
    [Fact]
    public void Detect_FanBaseBesideTheSquadsThatPushItsLeader_FansNotKeptOnTheSharedPosts()
    {
        var evaluation = FuzzedWorld.DetectAndEvaluate(4, 29);
        Assert.Equal(0, evaluation.Fans.Flagged);
        Assert.True(evaluation.TruePositives >= 140, $"{evaluation.TruePositives} true positives");
    }

    /// <summary>
    /// Seed-4 world 6 (a draw no rule was made on): relays copy linked texts hop by hop, and a human squad of nine
    /// pushes its own members' posts on orders. With shared articles tested at minutes (section 3) and the failing ones
    /// taken out of the judgement altogether, a co-burst community of the squad and a friend group passed at 4 minutes
    /// with 10 of the friends; they stay in the synchrony share's denominator, and a part of the kept members whose
    /// bursts are all on their circle's posts is not kept (section 4). The relays' chain heads post the linked texts
    /// first, and their copies scatter hop by hop as a readership's do: the cascades are judged without testing them.
    /// </summary>
    [Fact]
    public void Detect_SquadPushingItsOwnPostsBesideAFriendGroup_FriendsNotKept()
    {
        var evaluation = FuzzedWorld.DetectAndEvaluate(4, 6);
        Assert.Equal(0, evaluation.FriendGroupMembers.Flagged);
        Assert.Equal(0, evaluation.Fans.Flagged);
        var relays = evaluation.Behaviours.Single(b => b.Behaviour == "relay");
        Assert.True(relays.Flagged >= relays.Members - 5, $"{relays.Flagged} of {relays.Members} relay members flagged");
        Assert.True(evaluation.TruePositives >= 255, $"{evaluation.TruePositives} true positives");
    }

    /// <summary>
    /// Seed-3 world 12 (a draw no rule was made on): three scheduler squads paste their producers' linked texts, and one
    /// canned text is pasted on two orders 35 hours apart, by squad s1 on the first and by squads s2 and s3 on the
    /// second. Measured from the producer's post, the second burst's copies come 35 hours after copies of a minute or
    /// two, and all the producers' articles were judged as self-paced as a readership's: the community of s2 and s3 lost
    /// its evidence at 4 minutes and passed at 16 with 23 of the 84 fans (3 at 4 minutes). The copies are now cut into
    /// pushes at long silences (Detector.Reactions.cs, Pushes).
    /// </summary>
    [Fact]
    public void Detect_SquadsPastingOneLinkedTextOnOrdersADayApart_NotJudgedAsReaders()
    {
        var evaluation = FuzzedWorld.DetectAndEvaluate(3, 12);
        Assert.True(evaluation.Fans.Flagged <= 5, $"{evaluation.Fans.Flagged} of {evaluation.Fans.Accounts} fans flagged");
        var squads = evaluation.Behaviours.Single(b => b.Behaviour == "scheduler_squad");
        Assert.True(squads.Flagged >= squads.Members - 5, $"{squads.Flagged} of {squads.Members} scheduler-squad members flagged");
    }
}
