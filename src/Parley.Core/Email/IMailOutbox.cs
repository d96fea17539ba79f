namespace Parley.Core.Email;

/// <summary>Finished mails waiting for the mail server, kept in the database so that a restart loses none.</summary>
public interface IMailOutbox
{
    /// <summary>
    /// Adds a finished message, due at once. <paramref name="key"/> names what the mail is about (event and recipient):
    /// a second message with a key already waiting is ignored, so handling an event twice mails once.
    /// </summary>
    Task EnqueueAsync(string envelopeFrom, string recipient, byte[] message, string? key, double now, CancellationToken ct = default);

    /// <summary>Up to <paramref name="limit"/> messages due at <paramref name="now"/>, oldest first.</summary>
    Task<IReadOnlyList<QueuedMail>> DueAsync(double now, int limit, CancellationToken ct = default);

    /// <summary>When the next message falls due; null when none waits.</summary>
    Task<double?> NextDueAsync(CancellationToken ct = default);

    /// <summary>Removes a delivered message.</summary>
    Task SentAsync(long id, CancellationToken ct = default);

    /// <summary>Records a failed attempt; <paramref name="retryAt"/> null means the message is given up (kept, never retried).</summary>
    Task FailedAsync(long id, double? retryAt, string error, CancellationToken ct = default);

    /// <summary>Makes every waiting message due now (the mail server answered again).</summary>
    Task RetryNowAsync(double now, CancellationToken ct = default);
}
