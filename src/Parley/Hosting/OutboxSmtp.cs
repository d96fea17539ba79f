using Parley.Core.Config;
using Parley.Core.Email;

namespace Parley.Hosting;

/// <summary>
/// The outbox's end of SMTP: a client for the <c>[smtp]</c> settings in effect, and one session kept open across
/// rounds, so a queue of mail leaves over one connection rather than one connection per mail. The session is closed
/// after <see cref="KeepOpen"/> without a message, when the settings change, and when the worker stops.
/// </summary>
internal sealed class OutboxSmtp(LiveConfig config, TimeProvider time) : IAsyncDisposable
{
    /// <summary>How long an unused session stays open for mail that follows soon; a server's own limit is minutes.</summary>
    public static readonly TimeSpan KeepOpen = TimeSpan.FromSeconds(5);

    private (SmtpConfig Settings, SmtpClient Client)? _client;
    private (SmtpClient Client, SmtpSession Session)? _kept;
    private long _lastUsed;
    private bool _rested;

    /// <summary>How long the open session may still wait for a message; null when none is open.</summary>
    public TimeSpan? IdleLeft => _kept is { Session.IsOpen: true }
        ? TimeSpan.FromTicks(Math.Max(0, (KeepOpen - time.GetElapsedTime(_lastUsed)).Ticks))
        : null;

    /// <summary>The client for the current <c>[smtp]</c> settings (the same one while they do not change).</summary>
    public SmtpClient Client()
    {
        var settings = config.Current.Smtp;
        if (_client is not { } current || current.Settings != settings)
        {
            _client = current = (settings, new SmtpClient(SmtpOptions.From(settings)));
        }
        return current.Client;
    }

    /// <summary>Sends one mail over the kept session, opening one first when needed. A refusal leaves the session open.</summary>
    public async Task SendAsync(QueuedMail mail, CancellationToken ct)
    {
        var session = await SessionAsync(ct);
        try
        {
            await session.SendAsync(mail.EnvelopeFrom, [mail.Recipient], mail.Message, ct);
        }
        finally
        {
            _lastUsed = time.GetTimestamp();
        }
    }

    /// <summary>
    /// The worker napped: a session idle for <see cref="KeepOpen"/> is closed; any other is checked (NOOP) before its
    /// next message, as the server may have dropped it meanwhile, and a stale line must not count as that mail's failure.
    /// </summary>
    public async Task RestedAsync()
    {
        if (IdleLeft == TimeSpan.Zero)
        {
            await CloseAsync();
        }
        _rested = true;
    }

    public ValueTask DisposeAsync() => CloseAsync();

    private async Task<SmtpSession> SessionAsync(CancellationToken ct)
    {
        var client = Client();
        if (_kept is { } kept && kept.Session.IsOpen && kept.Client == client && (!_rested || await kept.Session.NoopAsync(ct)))
        {
            _rested = false;
            return kept.Session;
        }
        await CloseAsync();
        var session = await client.OpenSessionAsync(ct);
        _kept = (client, session);
        _lastUsed = time.GetTimestamp();
        _rested = false;
        return session;
    }

    private async ValueTask CloseAsync()
    {
        if (_kept is { } kept)
        {
            _kept = null;
            await kept.Session.DisposeAsync();
        }
    }
}
