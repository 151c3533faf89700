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
}
