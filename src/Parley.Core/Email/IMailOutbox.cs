namespace Parley.Core.Email;

/// <summary>
/// Finished mails waiting for the mail server, kept in the database so that a restart loses none. Several processes may
/// deliver from one outbox: a mail is claimed before it is sent, so only one of them sends it. What a sender records
/// afterwards names the mail it claimed, not merely its id: an engine may give a removed mail's id to the next one, and a
/// sender whose claim lapsed (another sent the mail meanwhile) must not touch that newer mail.
/// </summary>
public interface IMailOutbox
{
    /// <summary>
    /// Queues <paramref name="mails"/>, due at once, in one transaction. With <paramref name="handles"/>, the same transaction
    /// records that destination's cursor at that event; when the cursor already stood there (another process handled the
    /// event), nothing is queued and false is returned. A mail whose <see cref="OutgoingMail.Key"/> is still waiting is
    /// not queued twice.
    /// </summary>
    Task<bool> EnqueueAsync(IReadOnlyList<OutgoingMail> mails, double now, (string Destination, long Seq)? handles = null,
        CancellationToken ct = default);

    /// <summary>
    /// Claims up to <paramref name="limit"/> messages due at <paramref name="now"/>, oldest first: they are not due again
    /// for anyone until <paramref name="lease"/> seconds have passed, by which time they are sent (removed) or failed.
    /// </summary>
    Task<IReadOnlyList<QueuedMail>> ClaimDueAsync(double now, int limit, double lease, CancellationToken ct = default);

    /// <summary>Gives back claimed messages that were not tried, due at <paramref name="due"/>.</summary>
    Task ReleaseAsync(IReadOnlyList<QueuedMail> mails, double due, CancellationToken ct = default);

    /// <summary>How many messages wait in the outbox (due, claimed or retrying; given-up ones included).</summary>
    Task<long> CountAsync(CancellationToken ct = default);

    /// <summary>When the next message falls due; null when none waits.</summary>
    Task<double?> NextDueAsync(CancellationToken ct = default);

    /// <summary>Removes a delivered message.</summary>
    Task SentAsync(QueuedMail mail, CancellationToken ct = default);

    /// <summary>Records a failed attempt; <paramref name="retryAt"/> null means the message is given up (kept, never retried).</summary>
    Task FailedAsync(QueuedMail mail, double? retryAt, string error, CancellationToken ct = default);

    /// <summary>
    /// Makes every message waiting after a failed attempt due now (the mail server answered again), except those due
    /// within <paramref name="lease"/>: a claim reaches no further, so among them are the ones another sender is sending.
    /// </summary>
    Task RetryNowAsync(double now, double lease, CancellationToken ct = default);
}

/// <summary>A finished message for one recipient; <see cref="Key"/> names what it is about (null: nothing to de-duplicate).</summary>
public sealed record OutgoingMail(string EnvelopeFrom, string Recipient, byte[] Message, string? Key);
