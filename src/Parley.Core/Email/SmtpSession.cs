namespace Parley.Core.Email;

/// <summary>
/// One SMTP connection, greeted, secured and logged in once, that carries messages one after another.
/// A message the server refuses leaves the session usable (RSET); a broken line (I/O error, time-out, 421) closes it
/// and <see cref="IsOpen"/> turns false. Disposing says QUIT.
/// </summary>
public sealed class SmtpSession : IAsyncDisposable
{
    // QUIT is a courtesy: closing never waits longer than this on a server that does not answer.
    private static readonly TimeSpan QuitLimit = TimeSpan.FromSeconds(2);

    private SmtpWire? _wire;

    internal SmtpSession(SmtpWire wire) => _wire = wire;

    /// <summary>False once the connection broke or was closed; a closed session sends nothing more.</summary>
    public bool IsOpen => _wire is not null;

    /// <summary>Delivers <paramref name="message"/> (RFC 5322 bytes, not yet dot-stuffed) to every recipient.</summary>
    public async Task SendAsync(string envelopeFrom, IReadOnlyList<string> recipients, ReadOnlyMemory<byte> message, CancellationToken ct)
    {
        CheckEnvelope(envelopeFrom, recipients);
        var wire = _wire ?? throw new InvalidOperationException("The SMTP session is closed.");
        try
        {
            await wire.CommandAsync("MAIL FROM", $"MAIL FROM:<{envelopeFrom}>", ct);
            foreach (var recipient in recipients)
            {
                await wire.CommandAsync("RCPT TO", $"RCPT TO:<{recipient}>", ct);
            }
            await wire.CommandAsync("DATA", "DATA", ct, expectedClass: 3);
            await wire.WriteAsync("sending the message", DotStuffing.Apply(message.Span), ct);
            await wire.ExpectAsync("message", ct);
        }
        catch (SmtpException e) when (e.Code is { } code && code != 421)
        {
            // The server refused this message and still talks (421 means it is closing): start the next one clean.
            await ResetAsync(wire, ct);
            throw;
        }
        catch
        {
            // Anything else leaves the conversation in an unknown state: nothing more may go over this line.
            await CloseAsync();
            throw;
        }
    }

    /// <summary>Whether the server still answers (NOOP); a session whose server went away is closed.</summary>
    public async Task<bool> NoopAsync(CancellationToken ct)
    {
        if (_wire is not { } wire)
        {
            return false;
        }
        try
        {
            await wire.CommandAsync("NOOP", "NOOP", ct);
            return true;
        }
        catch (SmtpException)
        {
            await CloseAsync();
            return false;
        }
        catch
        {
            await CloseAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_wire is not { } wire)
        {
            return;
        }
        try
        {
            using var limit = new CancellationTokenSource(QuitLimit);
            await wire.WriteLineAsync("QUIT", "QUIT", limit.Token);
            await wire.ReadReplyAsync("QUIT", limit.Token);
        }
        catch (Exception e) when (e is SmtpException or OperationCanceledException)
        {
            // The messages were accepted already; a server that drops the line or stays silent at QUIT changes nothing.
        }
        await CloseAsync();
    }

    internal static void CheckEnvelope(string envelopeFrom, IReadOnlyList<string> recipients)
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
    }

    private static void CheckEnvelopeAddress(string address)
    {
        // The address goes into a command line: a line break or bracket would let it write commands of its own.
        if (address.Any(c => c is '\r' or '\n' or '<' or '>' || char.IsControl(c)))
        {
            throw new ArgumentException($"Invalid envelope address '{address.ReplaceLineEndings(" ")}'.", nameof(address));
        }
    }

    private async Task ResetAsync(SmtpWire wire, CancellationToken ct)
    {
        try
        {
            await wire.CommandAsync("RSET", "RSET", ct);
        }
        catch (SmtpException)
        {
            // The refusal stays this message's failure; the next message needs a new session.
            await CloseAsync();
        }
        catch
        {
            await CloseAsync();
            throw;
        }
    }

    private async Task CloseAsync()
    {
        var wire = _wire;
        _wire = null;
        if (wire is not null)
        {
            await wire.DisposeAsync();
        }
    }
}
