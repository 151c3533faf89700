using Tansiq.Core.Moderation;
using Tansiq.Storage;

namespace Tansiq.Service.Dashboard;

/// <summary>
/// Account profiles (username, creation time, followers) for the dashboard, read from the store once per moderation
/// world: new accounts make the engine build a new world, and the next read here reloads.
/// </summary>
internal sealed class AccountDirectory(ITansiqStore store)
{
    private readonly SemaphoreSlim _lock = new(1, 1);
    private ModerationWorld? _world;
    private Dictionary<string, AccountRecord> _byId = new(StringComparer.Ordinal);

    public async Task<IReadOnlyDictionary<string, AccountRecord>> AccountsAsync(ModerationWorld world, CancellationToken cancel)
    {
        if (ReferenceEquals(Volatile.Read(ref _world), world))
        {
            return _byId;
        }
        await _lock.WaitAsync(cancel);
        try
        {
            if (!ReferenceEquals(_world, world))
            {
                var byId = new Dictionary<string, AccountRecord>(StringComparer.Ordinal);
                foreach (var a in await store.LoadAccountsAsync(cancel))
                {
                    byId.TryAdd(a.AccountId, a);
                }
                _byId = byId;
                Volatile.Write(ref _world, world);
            }
            return _byId;
        }
        finally
        {
            _lock.Release();
        }
    }
}
