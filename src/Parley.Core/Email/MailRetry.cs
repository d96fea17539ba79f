namespace Parley.Core.Email;

/// <summary>
/// When the outbox tries a failed mail again: back-off doubling from <see cref="First"/> up to <see cref="Max"/>.
/// A mail the server refuses outright (5xx) is given up after <see cref="PermanentAttempts"/> tries; any mail
/// after <see cref="GiveUpAfter"/>. A server that is merely down never loses mail within that time.
/// </summary>
public sealed record MailRetry
{
    public TimeSpan First { get; init; } = TimeSpan.FromSeconds(30);
    public TimeSpan Max { get; init; } = TimeSpan.FromMinutes(30);
    public TimeSpan GiveUpAfter { get; init; } = TimeSpan.FromDays(7);
    public int PermanentAttempts { get; init; } = 3;

    /// <summary>The wait after the <paramref name="failures"/>-th failed attempt (1-based).</summary>
    public TimeSpan After(int failures)
    {
        var factor = Math.Pow(2, Math.Clamp(failures - 1, 0, 30));
        return TimeSpan.FromTicks((long)Math.Min(First.Ticks * factor, Max.Ticks));
    }

    /// <summary>Whether a mail first queued at <paramref name="queuedAt"/> is dropped after this failure.</summary>
    public bool GivesUp(bool permanent, int failures, DateTimeOffset queuedAt, DateTimeOffset now) =>
        (permanent && failures >= PermanentAttempts) || now - queuedAt >= GiveUpAfter;
}
