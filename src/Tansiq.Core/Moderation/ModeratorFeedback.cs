namespace Tansiq.Core.Moderation;

/// <summary>
/// What moderators said about reporters' earlier reports, as a credibility factor for their later ones (like
/// Discourse's flag-accuracy bonus): each report a moderator rejected (disagree) lowers the weight of the reporter's
/// next reports, each one upheld (agree) earns part of it back. A verdict applies to reports that arrive after it (by
/// sequence in the report log), so replaying the log gives the same weights as the live service gave.
/// </summary>
public sealed class ModeratorFeedback
{
    private readonly Dictionary<int, List<(long After, bool Upheld)>> _verdicts = [];

    /// <summary>The lowest factor: even a reporter rejected many times keeps a voice.</summary>
    public double Floor { get; init; } = 0.1;

    /// <summary>How much one rejection weighs against one upheld report.</summary>
    public double RejectionWeight { get; init; } = 2;

    /// <summary>Records a moderator's verdict on one of <paramref name="reporter"/>'s reports, made after report sequence <paramref name="after"/>.</summary>
    public void Add(int reporter, long after, bool upheld)
    {
        if (!_verdicts.TryGetValue(reporter, out var list))
        {
            _verdicts[reporter] = list = new List<(long, bool)>(1);
        }
        list.Add((after, upheld));
    }

    /// <summary>Reporters with at least one verdict.</summary>
    public int Reporters => _verdicts.Count;

    /// <summary>(1 + upheld) / (1 + upheld + w × rejected) over verdicts made before report <paramref name="sequence"/>, at least <see cref="Floor"/>.</summary>
    public double Factor(int reporter, long sequence)
    {
        if (!_verdicts.TryGetValue(reporter, out var list))
        {
            return 1;
        }
        int upheld = 0, rejected = 0;
        foreach (var (after, up) in list)
        {
            if (after < sequence)
            {
                if (up)
                {
                    upheld++;
                }
                else
                {
                    rejected++;
                }
            }
        }
        return Math.Max(Floor, (1.0 + upheld) / (1.0 + upheld + (RejectionWeight * rejected)));
    }
}
