using Tansiq.Core.Moderation;

namespace Tansiq.Core.Tests.Moderation;

/// <summary>The bar, measured on a generated world against its truth (independently of the policy's own counts).</summary>
public sealed record ModerationScore(
    int Innocents,
    int InnocentsEverSuspended,
    int Noise,
    int NoiseEverSuspended,
    int NoiseNoAction,
    int Abusive,
    int AbusiveCaught,
    IReadOnlyList<string> WrongfulTargets)
{
    public static ModerationScore Of(GeneratedReportWorld g, ModerationResult result)
    {
        var final = result.Decisions.ToDictionary(d => d.Target, d => d.Verdict);
        var everSuspended = result.Timeline.Where(e => e.Verdict.Decision == Decision.Suspend).Select(e => e.Target).ToHashSet();
        int innocents = 0, innocentsSuspended = 0, noise = 0, noiseSuspended = 0, noiseNone = 0, abusive = 0, caught = 0;
        var wrongful = new List<string>();
        foreach (var t in g.Truth)
        {
            var v = final.GetValueOrDefault(t.Target, Verdict.NoAction);
            switch (t.Label)
            {
                case ReportedLabel.BrigadedInnocent or ReportedLabel.PetitionTarget:
                    innocents++;
                    if (everSuspended.Contains(t.Target))
                    {
                        innocentsSuspended++;
                        wrongful.Add(g.World.Accounts[t.Target]);
                    }
                    break;
                case ReportedLabel.Noise:
                    noise++;
                    if (everSuspended.Contains(t.Target))
                    {
                        noiseSuspended++;
                        wrongful.Add(g.World.Accounts[t.Target]);
                    }
                    if (v == Verdict.NoAction)
                    {
                        noiseNone++;
                    }
                    break;
                case ReportedLabel.Abusive:
                    abusive++;
                    if (v.Decision == Decision.Suspend || v == new Verdict(Decision.Review, Priority.High))
                    {
                        caught++;
                    }
                    break;
            }
        }
        return new ModerationScore(innocents, innocentsSuspended, noise, noiseSuspended, noiseNone, abusive, caught, wrongful);
    }
}
