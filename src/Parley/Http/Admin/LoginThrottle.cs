namespace Parley.Http.Admin;

/// <summary>
/// Refuses sign-ins from an address after <see cref="Allowed"/> failures within <see cref="Window"/>, for a
/// lockout that starts at a minute and doubles with every further failure up to an hour. A success forgets
/// the address. Memory is bounded: stale entries are dropped first, then the oldest.
/// </summary>
internal sealed class LoginThrottle(TimeProvider time)
{
    public const int Allowed = 5;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan FirstLockout = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan LongestLockout = TimeSpan.FromHours(1);
    private const int MaxAddresses = 10_000;

    private readonly Dictionary<string, Failures> _byAddress = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>How long <paramref name="address"/> must still wait; null when it may try now.</summary>
    public TimeSpan? RetryAfter(string address)
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            return _byAddress.TryGetValue(address, out var f) && f.LockedUntil > now ? f.LockedUntil - now : null;
        }
    }

    public void Failed(string address)
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            if (!_byAddress.TryGetValue(address, out var f) || IsStale(f, now))
            {
                MakeRoom(now);
                f = new Failures(0, now, DateTimeOffset.MinValue);
            }
            var count = f.Count + 1;
            var lockedUntil = count < Allowed ? f.LockedUntil : now + Lockout(count - Allowed);
            _byAddress[address] = new Failures(count, now, lockedUntil);
        }
    }

    public void Succeeded(string address)
    {
        lock (_lock)
        {
            _byAddress.Remove(address);
        }
    }

    private static TimeSpan Lockout(int extraFailures)
    {
        var minutes = FirstLockout.TotalMinutes * Math.Pow(2, Math.Min(extraFailures, 10));
        return TimeSpan.FromMinutes(Math.Min(minutes, LongestLockout.TotalMinutes));
    }

    // Failures older than the window are forgotten, but never while a lockout still runs.
    private static bool IsStale(Failures f, DateTimeOffset now) => now - f.Last > Window && f.LockedUntil <= now;

    private void MakeRoom(DateTimeOffset now)
    {
        if (_byAddress.Count < MaxAddresses)
        {
            return;
        }
        foreach (var stale in _byAddress.Where(e => IsStale(e.Value, now)).Select(e => e.Key).ToList())
        {
            _byAddress.Remove(stale);
        }
        if (_byAddress.Count >= MaxAddresses)
        {
            _byAddress.Remove(_byAddress.MinBy(e => e.Value.Last).Key);
        }
    }

    private sealed record Failures(int Count, DateTimeOffset Last, DateTimeOffset LockedUntil);
}
