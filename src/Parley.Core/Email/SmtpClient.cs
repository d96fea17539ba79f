namespace Parley.Core.Email;

/// <summary>
/// A minimal SMTP client: STARTTLS or implicit TLS, AUTH PLAIN/LOGIN. <see cref="OpenSessionAsync"/> gives a session
/// that carries many messages over one connection; <see cref="SendAsync"/> is the one-message shortcut.
/// Each step is limited by <see cref="SmtpOptions.Timeout"/>; every failure is an <see cref="SmtpException"/>.
/// </summary>
public sealed partial class SmtpClient(SmtpOptions options)
{
    private readonly SmtpOptions _options = options ?? throw new ArgumentNullException(nameof(options));

    /// <summary>Delivers <paramref name="message"/> (RFC 5322 bytes, not yet dot-stuffed) to every recipient over a connection of its own.</summary>
    public async Task SendAsync(string envelopeFrom, IReadOnlyList<string> recipients, ReadOnlyMemory<byte> message, CancellationToken ct)
    {
        // A bad address is the caller's mistake: refuse it before connecting.
        SmtpSession.CheckEnvelope(envelopeFrom, recipients);
        await using var session = await OpenSessionAsync(ct);
        await session.SendAsync(envelopeFrom, recipients, message, ct);
    }

    /// <summary>Connects, greets, upgrades to TLS and logs in once; the session then sends until it is disposed.</summary>
    public async Task<SmtpSession> OpenSessionAsync(CancellationToken ct) => new(await OpenAsync(ct));

    /// <summary>Connects, greets, upgrades to TLS and logs in as a delivery would, then quits: the start-up check.</summary>
    public async Task ProbeAsync(CancellationToken ct)
    {
        var session = await OpenSessionAsync(ct);
        await session.DisposeAsync();
    }

    // Connection up to the point where MAIL FROM may be sent: greeting, EHLO, TLS, AUTH.
    private async Task<SmtpWire> OpenAsync(CancellationToken ct)
    {
        var wire = await SmtpWire.ConnectAsync(_options.Host, _options.Port, _options.Timeout, ct);
        try
        {
            if (_options.Security == SmtpSecurity.Ssl)
            {
                await wire.UpgradeToTlsAsync(_options.CertificateValidation, ct);
            }
            await wire.ExpectAsync("greeting", ct);
            var extensions = await HelloAsync(wire, ct);
            if (_options.Security == SmtpSecurity.StartTls)
            {
                extensions = await StartTlsAsync(wire, extensions, ct);
            }
            if (_options.Username.Length > 0 && _options.Password.Length > 0)
            {
                await AuthenticateAsync(wire, extensions, ct);
            }
            return wire;
        }
        catch
        {
            await wire.DisposeAsync();
            throw;
        }
    }

    private async Task<IReadOnlyList<string>> HelloAsync(SmtpWire wire, CancellationToken ct)
    {
        await wire.WriteLineAsync("EHLO", "EHLO " + _options.ClientName, ct);
        var reply = await wire.ReadReplyAsync("EHLO", ct);
        if (reply.Code == 250)
        {
            return reply.Extensions;
        }
        if (reply.Code < 500)
        {
            throw reply.Refusal("EHLO rejected");
        }
        // An old server without ESMTP: no extensions, so neither STARTTLS nor AUTH.
        await wire.CommandAsync("HELO", "HELO " + _options.ClientName, ct);
        return [];
    }

    private async Task<IReadOnlyList<string>> StartTlsAsync(SmtpWire wire, IReadOnlyList<string> extensions, CancellationToken ct)
    {
        // Security was asked for: never fall back to sending credentials or mail in the clear.
        if (!extensions.Contains("STARTTLS"))
        {
            throw new SmtpException($"{_options.Host}:{_options.Port} does not offer STARTTLS");
        }
        await wire.CommandAsync("STARTTLS", "STARTTLS", ct);
        await wire.UpgradeToTlsAsync(_options.CertificateValidation, ct);
        // RFC 3207: what the server said before TLS no longer counts.
        return await HelloAsync(wire, ct);
    }
}
