using Microsoft.Extensions.Caching.Memory;

namespace Portal.Core.Forms.Challenge;

/// <summary>
/// The tickets this process has accepted, each kept until it expires, so a ticket is accepted
/// once. Per process: with several nodes behind a load balancer a ticket could be accepted once
/// on each node within its lifetime. That is acceptable for an anti-bot measure, whose point is
/// that every post costs its sender fresh work: a replay gains at most one post per node per
/// ticket, and a shared store would put a database write in front of every public form for it.
/// Its own cache, not the shared <see cref="IMemoryCache"/>: another module's size limit or
/// compaction must not evict a used ticket early.
/// </summary>
internal sealed class UsedChallengeTickets(TimeProvider clock) : IDisposable
{
    private readonly MemoryCache _used = new(new MemoryCacheOptions());
    private readonly Lock _gate = new();

    /// <summary>False when <paramref name="key"/> was already used; otherwise marks it used until <paramref name="expiresUtc"/>.</summary>
    public bool TryUse(string key, DateTime expiresUtc)
    {
        // Relative to the clock the ticket was checked against (a test's may run ahead of the system's).
        var remaining = expiresUtc - clock.GetUtcNow().UtcDateTime;
        if (remaining <= TimeSpan.Zero)
        {
            return false;
        }

        lock (_gate)
        {
            if (_used.TryGetValue(key, out _))
            {
                return false;
            }

            _used.Set(key, true, remaining);
            return true;
        }
    }

    public void Dispose() => _used.Dispose();
}
