using Parley.Core.Storage;

namespace Parley.Http.Admin;

/// <summary>
/// Refuses sign-ins from an address after <see cref="Allowed"/> failures within <see cref="Window"/>, for a
/// lockout that starts at a minute and doubles with every further failure up to an hour. A success forgets
/// the address. The failures are kept in the database, so instances sharing it count them together; each failure
/// forgets the addresses that have been quiet for longer than the window and are not locked out.
/// </summary>
internal sealed class LoginThrottle(ICommentStore store, TimeProvider time)
{
    public const int Allowed = 5;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan FirstLockout = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan LongestLockout = TimeSpan.FromHours(1);

    /// <summary>How long <paramref name="address"/> must still wait; null when it may try now.</summary>
    public async Task<TimeSpan?> RetryAfterAsync(string address, CancellationToken ct = default)
    {
        var now = Now();
        var failures = await store.WriteAsync(tx => tx.GetLoginFailuresAsync(address, ct), ct);
        return failures is { } f && f.LockedUntil > now ? TimeSpan.FromSeconds(f.LockedUntil - now) : null;
    }

    public Task FailedAsync(string address, CancellationToken ct = default)
    {
        var now = Now();
        return store.WriteAsync(async tx =>
        {
            var f = await tx.GetLoginFailuresAsync(address, ct);
            if (f is null || IsStale(f, now))
            {
                f = new LoginFailures(0, now, 0);
            }
            var count = f.Count + 1;
            var lockedUntil = count < Allowed ? f.LockedUntil : now + Lockout(count - Allowed).TotalSeconds;
            await tx.SetLoginFailuresAsync(address, new LoginFailures(count, now, lockedUntil), ct);
            await tx.ForgetLoginFailuresAsync(now - Window.TotalSeconds, now, ct);
            return true;
        }, ct);
    }

    public Task SucceededAsync(string address, CancellationToken ct = default) =>
        store.WriteAsync(async tx =>
        {
            await tx.SetLoginFailuresAsync(address, null, ct);
            return true;
        }, ct);

    private double Now() => time.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0;

    private static TimeSpan Lockout(int extraFailures)
    {
        var minutes = FirstLockout.TotalMinutes * Math.Pow(2, Math.Min(extraFailures, 10));
        return TimeSpan.FromMinutes(Math.Min(minutes, LongestLockout.TotalMinutes));
    }

    // Failures older than the window are forgotten, but never while a lockout still runs.
    private static bool IsStale(LoginFailures f, double now) => now - f.Last > Window.TotalSeconds && f.LockedUntil <= now;
}
