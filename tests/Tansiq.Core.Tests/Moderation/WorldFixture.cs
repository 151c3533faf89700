using Tansiq.Core.Moderation;

namespace Tansiq.Core.Tests.Moderation;

/// <summary>Hand-built small worlds for the policy tests.</summary>
internal sealed class WorldFixture
{
    public const long Day = 86400;
    public const long T0 = 1_700_000_000;

    private readonly ModerationWorldBuilder _builder = new();

    /// <summary>Adds an account; sign-ups are spaced five hours apart so that a fixture never looks like a batch by accident.</summary>
    public int Account(string id, long createdDaysBefore = 1000, long followers = 10) =>
        _builder.AddAccount(id, id, T0 - (createdDaysBefore * Day) - (_builder.AccountCount * 5 * 3600L), followers);

    /// <summary>Adds accounts created within one hour of each other.</summary>
    public int[] Batch(string prefix, int count, long createdDaysBefore) =>
        [.. Enumerable.Range(0, count).Select(i => _builder.AddAccount($"{prefix}{i}", null, T0 - (createdDaysBefore * Day) + (i * 60), 0))];

    public void Follow(int a, int b) => _builder.AddFollow(a, b);

    public void Exposure(int a, int b, long since) => _builder.AddExposure(a, b, since);

    public void ExposureKnown() => _builder.MarkExposureAvailable();

    public ModerationWorld Build() => _builder.Build();

    public static ModerationResult Replay(IModerationPolicy policy, ModerationWorld world, IEnumerable<Report> reports) =>
        ModerationReplay.Run(policy, [.. reports], world);
}
