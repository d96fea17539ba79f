namespace Parley.Core.Email;

/// <summary>
/// A minimal SMTP client: one connection per call, STARTTLS or implicit TLS, AUTH PLAIN/LOGIN.
/// Each step is limited by <see cref="SmtpOptions.Timeout"/>; every failure is an <see cref="SmtpException"/>.
/// </summary>
public sealed partial class SmtpClient(SmtpOptions options)
{
    private readonly SmtpOptions _options = options ?? throw new ArgumentNullException(nameof(options));

    /// <summary>Delivers <paramref name="message"/> (RFC 5322 bytes, not yet dot-stuffed) to every recipient.</summary>
    public async Task SendAsync(string envelopeFrom, IReadOnlyList<string> recipients, ReadOnlyMemory<byte> message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(envelopeFrom);
        ArgumentNullException.ThrowIfNull(recipients);
        if (recipients.Count == 0)
        {
            throw new ArgumentException("At least one recipient is needed.", nameof(recipients));
        }
        CheckEnvelopeAddress(envelopeFrom);
        foreach (var recipient in recipients)
        {
            CheckEnvelopeAddress(recipient);
        }

        await using var wire = await OpenAsync(ct);
        await CommandAsync(wire, "MAIL FROM", $"MAIL FROM:<{envelopeFrom}>", ct);
        foreach (var recipient in recipients)
        {
            await CommandAsync(wire, "RCPT TO", $"RCPT TO:<{recipient}>", ct);
        }
        await CommandAsync(wire, "DATA", "DATA", ct, expectedClass: 3);
        await wire.WriteAsync("sending the message", DotStuffing.Apply(message.Span), ct);
        await ExpectAsync(wire, "message", ct);
        await QuitAsync(wire, ct);
    }

    /// <summary>Connects, greets, upgrades to TLS and logs in as a delivery would, then quits: the start-up check.</summary>
    public async Task ProbeAsync(CancellationToken ct)
    {
        await using var wire = await OpenAsync(ct);
        await QuitAsync(wire, ct);
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
            await ExpectAsync(wire, "greeting", ct);
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
            throw Rejected("EHLO rejected", reply);
        }
        // An old server without ESMTP: no extensions, so neither STARTTLS nor AUTH.
        await CommandAsync(wire, "HELO", "HELO " + _options.ClientName, ct);
        return [];
    }

    private async Task<IReadOnlyList<string>> StartTlsAsync(SmtpWire wire, IReadOnlyList<string> extensions, CancellationToken ct)
    {
        // Security was asked for: never fall back to sending credentials or mail in the clear.
        if (!extensions.Contains("STARTTLS"))
        {
            throw new SmtpException($"{_options.Host}:{_options.Port} does not offer STARTTLS");
        }
        await CommandAsync(wire, "STARTTLS", "STARTTLS", ct);
        await wire.UpgradeToTlsAsync(_options.CertificateValidation, ct);
        // RFC 3207: what the server said before TLS no longer counts.
        return await HelloAsync(wire, ct);
    }

    private static async Task QuitAsync(SmtpWire wire, CancellationToken ct)
    {
        try
        {
            await wire.WriteLineAsync("QUIT", "QUIT", ct);
            await wire.ReadReplyAsync("QUIT", ct);
        }
        catch (SmtpException)
        {
            // The work is done (the message was accepted); a server that drops the line at QUIT changes nothing.
            return;
        }
    }

    private static async Task CommandAsync(SmtpWire wire, string step, string command, CancellationToken ct, int expectedClass = 2)
    {
        await wire.WriteLineAsync(step, command, ct);
        await ExpectAsync(wire, step, ct, expectedClass);
    }

    // 2xx completes a step; DATA alone wants 354 (3xx) before the message goes out.
    private static async Task ExpectAsync(SmtpWire wire, string step, CancellationToken ct, int expectedClass = 2)
    {
        var reply = await wire.ReadReplyAsync(step, ct);
        if (reply.Code / 100 != expectedClass)
        {
            throw Rejected(step + " rejected", reply);
        }
    }

    private static SmtpException Rejected(string failure, SmtpReply reply) => new($"{failure}: {reply}", reply.Code);

    private static void CheckEnvelopeAddress(string address)
    {
        // The address goes into a command line: a line break or bracket would let it write commands of its own.
        if (address.Any(c => c is '\r' or '\n' or '<' or '>' || char.IsControl(c)))
        {
            throw new ArgumentException($"Invalid envelope address '{address.ReplaceLineEndings(" ")}'.", nameof(address));
        }
    }
}
