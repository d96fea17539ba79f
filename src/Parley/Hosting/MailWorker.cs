using Parley.Core.Config;
using Parley.Core.Email;
using Parley.Core.Storage;
using Parley.Hosting.Metrics;
using Parley.Http.Edge;

namespace Parley.Hosting;

/// <summary>
/// Delivers the outbox: due mails in order, over one SMTP session kept open while mail flows (<see cref="OutboxSmtp"/>).
/// Each mail keeps its own retry state; a failure backs off per <see cref="MailRetry"/>. The first success after failures
/// makes every waiting mail due at once (but those due within a claim's lease, which may be another process's claim),
/// so mail queued while the server was down leaves as soon as it is back. Each delivery uses the <c>[smtp]</c> settings
/// in effect; new ones are tried once, as at start-up, as soon as a reload brings them.
/// </summary>
internal sealed class MailWorker(ICommentStore store, LiveConfig config, OutboxSignal signal, MailRetry retry, TimeProvider time,
    DiskFull diskFull, ParleyMetrics metrics, ILogger<MailWorker> log) : BackgroundService
{
    private static readonly TimeSpan LongestNap = TimeSpan.FromMinutes(5);
    // Long enough to send a batch; should this process die holding it, another sends it once the claim lapses.
    private static readonly TimeSpan ClaimLease = TimeSpan.FromSeconds(20);
    // Mails the SMTP server took whose removal from the outbox failed (a full disk): never sent twice. Named by id and
    // creation time, as a mail queued later may be given the id of one removed meanwhile.
    private readonly HashSet<(long Id, double Created)> _sentNotRemoved = [];
    private bool _failing;
    private SmtpConfig? _probed;
    private readonly OutboxSmtp _smtp = new(config, time);

    private double Now => time.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // A reload wakes the worker, so new settings are tried at once rather than at the next mail.
        config.Changed += signal.Notify;
        try
        {
            await DeliverAsync(stoppingToken);
        }
        finally
        {
            config.Changed -= signal.Notify;
            await _smtp.DisposeAsync();
        }
    }

    private async Task DeliverAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ProbeNewSettingsAsync(stoppingToken);
                if (await DeliverDueAsync(stoppingToken))
                {
                    continue;
                }
                await NapAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The database itself failed; nothing is lost, the mails stay queued.
                if (DiskFull.Is(e))
                {
                    diskFull.Refused(e);
                }
                else
                {
                    log.LogError(e, "Reading the mail outbox failed");
                }
                await Task.Delay(TimeSpan.FromSeconds(DiskFull.Is(e) ? DiskFull.RetryAfter : 5), time, stoppingToken);
                await _smtp.RestedAsync();
            }
        }
    }

    // Isso opens one test connection at start-up and logs the outcome; failure is not fatal. Parley does the same
    // for every new [smtp], while mail is on at all.
    private async Task ProbeNewSettingsAsync(CancellationToken ct)
    {
        var settings = config.Current;
        if ((!settings.General.MailsOwner && !settings.General.ReplyNotifications) || settings.Smtp == _probed)
        {
            return;
        }
        _probed = settings.Smtp;
        try
        {
            await _smtp.Client().ProbeAsync(ct);
            log.LogInformation("Connected to the SMTP server");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning("The SMTP server cannot be reached yet ({Reason}); mail waits in the outbox", e.Message);
        }
    }

    /// <summary>Tries every due mail; true when the batch was full and more may be due.</summary>
    private async Task<bool> DeliverDueAsync(CancellationToken ct)
    {
        const int batch = 50;
        var due = await store.Outbox.ClaimDueAsync(Now, batch, ClaimLease.TotalSeconds, ct);
        for (var i = 0; i < due.Count; i++)
        {
            var mail = due[i];
            try
            {
                if (!_sentNotRemoved.Contains((mail.Id, mail.Created)))
                {
                    await _smtp.SendAsync(mail, ct);
                    _sentNotRemoved.Add((mail.Id, mail.Created));
                }
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                var permanent = e is SmtpException { IsPermanent: true };
                await FailedAsync(mail, permanent, e.Message, ct);
                if (!permanent)
                {
                    // The server is away or busy (a broken session closed itself): the rest of the batch would fail the
                    // same way; it goes back to the queue, and the next round reconnects.
                    await store.Outbox.ReleaseAsync([.. due.Skip(i + 1)], Now, ct);
                    return false;
                }
                continue; // refused outright (a 5xx, e.g. for this recipient): the session goes on with the next mail
            }
            await store.Outbox.SentAsync(mail, ct);
            _sentNotRemoved.Remove((mail.Id, mail.Created));
            if (_failing)
            {
                _failing = false;
                log.LogInformation("The SMTP server answers again; sending every waiting mail");
                await store.Outbox.RetryNowAsync(Now, ClaimLease.TotalSeconds, ct);
            }
        }
        return due.Count == batch;
    }

    private async Task FailedAsync(QueuedMail mail, bool permanent, string reason, CancellationToken ct)
    {
        _failing = true;
        metrics.DeliveryFailed("smtp");
        var failures = (int)Math.Min(mail.Attempts + 1, int.MaxValue);
        var now = time.GetUtcNow();
        if (retry.GivesUp(permanent, failures, DateTimeOffset.FromUnixTimeMilliseconds((long)(mail.Created * 1000)), now))
        {
            log.LogError("Gave up mail {Id} to {Recipient} after {Failures} attempts: {Reason}", mail.Id, mail.Recipient, failures, reason);
            await store.Outbox.FailedAsync(mail, null, reason, ct);
            return;
        }
        var wait = retry.After(failures);
        log.LogWarning("Mail {Id} to {Recipient} failed ({Reason}); next try in {Wait}", mail.Id, mail.Recipient, reason, wait);
        await store.Outbox.FailedAsync(mail, Now + wait.TotalSeconds, reason, ct);
    }

    // Sleeps until the next mail falls due or a new one is queued, whichever comes first; an open SMTP session
    // cuts the nap short, to be closed once it has waited long enough for more mail.
    private async Task NapAsync(CancellationToken ct)
    {
        var next = await store.Outbox.NextDueAsync(ct);
        var nap = next is { } due ? TimeSpan.FromSeconds(Math.Clamp(due - Now, 0, LongestNap.TotalSeconds)) : LongestNap;
        if (_smtp.IdleLeft is { } idle && idle < nap)
        {
            nap = idle;
        }
        using var wake = CancellationTokenSource.CreateLinkedTokenSource(ct);
        await Task.WhenAny(signal.WaitAsync(wake.Token), Task.Delay(nap, time, wake.Token));
        await wake.CancelAsync();
        ct.ThrowIfCancellationRequested();
        await _smtp.RestedAsync();
    }
}
