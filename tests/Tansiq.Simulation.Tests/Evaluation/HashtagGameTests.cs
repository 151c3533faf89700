
namespace Tansiq.Simulation.Tests.Evaluation;

/// <summary>
/// Fuzzed worlds with hashtag-game groups (players riffing on a new tag for one to three hours, several games a week)
/// whose players were found as a pure community and then lost: a group that plays two games owns two tags and nothing
/// else, one short of the three synchronous objects any community needed; and a community found from candidate edges at
/// hours holds a few strangers who used two of the tags hours after the games, whose late posts stretched the members'
/// spread past the scale; players of one game of the week, who share a single tag with the others (no pair edge, no
/// second burst); and a group of two games whose players of both are under half of either tag's accounts, found from
/// its games.
/// </summary>
public class HashtagGameTests
{
    [Theory]
    [InlineData(1, 3, 105)] // hg1 plays two games: its 15 players on both failed on 2 synchronous objects of 3 (92 of 128 gamers flagged before)
    [InlineData(2, 87, 99)] // hg2, 50 players of four games and 4 strangers: median spread 13,260 s at 3 h (51 of 103 before)
    [InlineData(2, 42, 100)] // three groups; 34 players of one game only, all missed (84 of 132 flagged before, 105 with them)
    [InlineData(2, 41, 35)] // two games, 21 players on both of 46 and 37 accounts on the tags: none of 53 before, 41 from its games
    public void Detect_FuzzedWorldWithHashtagGames_PlayersFoundNoFanOrFriend(int seed, int index, int minGamers)
    {
        var evaluation = FuzzedWorld.DetectAndEvaluate(seed, index);
        var games = evaluation.Behaviours.Single(b => b.Behaviour == "hashtag_game");
        Assert.True(games.Flagged >= minGamers, $"{games.Flagged} of {games.Members} hashtag gamers flagged");
        Assert.Equal(0, evaluation.Fans.Flagged);
        Assert.Equal(0, evaluation.FriendGroupMembers.Flagged);
        Assert.True(evaluation.FalsePositives <= 1, $"{evaluation.FalsePositives} false positives");
    }
}
