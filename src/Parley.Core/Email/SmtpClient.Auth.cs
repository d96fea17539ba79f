using System.Text;

namespace Parley.Core.Email;

public sealed partial class SmtpClient
{
    // PLAIN takes one round trip; LOGIN is the fallback older servers offer.
    private async Task AuthenticateAsync(SmtpWire wire, IReadOnlyList<string> extensions, CancellationToken ct)
    {
        var mechanisms = extensions
            .Where(e => e.StartsWith("AUTH ", StringComparison.Ordinal) || e.StartsWith("AUTH=", StringComparison.Ordinal))
            .SelectMany(e => e[5..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToHashSet(StringComparer.Ordinal);
        if (mechanisms.Contains("PLAIN"))
        {
            await AuthPlainAsync(wire, ct);
        }
        else if (mechanisms.Contains("LOGIN"))
        {
            await AuthLoginAsync(wire, ct);
        }
        else
        {
            var offered = mechanisms.Count == 0 ? "no AUTH" : "AUTH " + string.Join(' ', mechanisms);
            throw new SmtpException($"{_options.Host}:{_options.Port} offers neither AUTH PLAIN nor AUTH LOGIN ({offered})");
        }
    }

    private async Task AuthPlainAsync(SmtpWire wire, CancellationToken ct)
    {
        var credentials = Base64("\0" + _options.Username + "\0" + _options.Password);
        // The command is named in errors without its argument, so the password never reaches a message.
        await wire.WriteLineAsync("AUTH PLAIN", "AUTH PLAIN " + credentials, ct);
        var reply = await wire.ReadReplyAsync("AUTH PLAIN", ct);
        if (reply.Code == 334)
        {
            // Some servers want the credentials after an empty challenge.
            await wire.WriteLineAsync("AUTH PLAIN", credentials, ct);
            reply = await wire.ReadReplyAsync("AUTH PLAIN", ct);
        }
        CheckAccepted(reply);
    }

    private async Task AuthLoginAsync(SmtpWire wire, CancellationToken ct)
    {
        await wire.WriteLineAsync("AUTH LOGIN", "AUTH LOGIN", ct);
        var reply = await wire.ReadReplyAsync("AUTH LOGIN", ct);
        if (reply.Code == 334)
        {
            await wire.WriteLineAsync("AUTH LOGIN", Base64(_options.Username), ct);
            reply = await wire.ReadReplyAsync("AUTH LOGIN", ct);
        }
        if (reply.Code == 334)
        {
            await wire.WriteLineAsync("AUTH LOGIN", Base64(_options.Password), ct);
            reply = await wire.ReadReplyAsync("AUTH LOGIN", ct);
        }
        CheckAccepted(reply);
    }

    private static void CheckAccepted(SmtpReply reply)
    {
        if (reply.Code != 235)
        {
            throw reply.Refusal("authentication failed");
        }
    }

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
}
