using System.Globalization;
using System.Text;

namespace Parley.Core.Email;

/// <summary>Turns a <see cref="MailMessage"/> into RFC 5322 bytes: UTF-8 text, base64 body, CRLF line ends.</summary>
public static class MimeWriter
{
    private const int BodyLineLength = 76;

    /// <summary>The whole message, ready for SMTP DATA (before dot-stuffing).</summary>
    /// <exception cref="ArgumentException">A header name or value holds CR or LF, or cannot be written.</exception>
    public static byte[] Write(MailMessage message, DateTimeOffset date, string messageId)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(messageId);
        var text = new StringBuilder();
        AppendHeader(text, "From", MimeHeaders.Mailbox("From", message.From));
        AppendHeader(text, "To", MimeHeaders.Mailbox("To", message.To));
        AppendHeader(text, "Date", FormatDate(date));
        AppendHeader(text, "Subject", MimeHeaders.Unstructured("Subject", message.Subject));
        AppendHeader(text, "Message-ID", "<" + MimeHeaders.CheckValue("Message-ID", messageId) + ">");
        AppendHeader(text, "MIME-Version", "1.0");
        AppendHeader(text, "Content-Type", "text/plain; charset=\"utf-8\"");
        AppendHeader(text, "Content-Transfer-Encoding", "base64");
        foreach (var (name, value) in message.Headers)
        {
            MimeHeaders.CheckName(name);
            AppendHeader(text, name, MimeHeaders.Unstructured(name, value));
        }
        text.Append("\r\n");
        AppendBody(text, message.Body);
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>
    /// The addr-spec of a mailbox, for the SMTP envelope:
    /// <c>Alice &lt;a@x.org&gt;</c> and <c>a@x.org</c> give <c>a@x.org</c>; <c>Name &lt;&gt;</c> gives an empty string.
    /// </summary>
    public static string EnvelopeAddress(string mailbox)
    {
        ArgumentNullException.ThrowIfNull(mailbox);
        var (_, address) = MimeHeaders.SplitMailbox(mailbox);
        return address;
    }

    internal static string FormatDate(DateTimeOffset date)
    {
        var offset = date.Offset;
        var sign = offset < TimeSpan.Zero ? '-' : '+';
        var abs = offset.Duration();
        return date.ToString("ddd, dd MMM yyyy HH:mm:ss ", CultureInfo.InvariantCulture)
            + sign + abs.Hours.ToString("00", CultureInfo.InvariantCulture) + abs.Minutes.ToString("00", CultureInfo.InvariantCulture);
    }

    private static void AppendHeader(StringBuilder text, string name, string value) =>
        text.Append(MimeHeaders.Fold(name, value)).Append("\r\n");

    private static void AppendBody(StringBuilder text, string body)
    {
        // Text in canonical form has CRLF line ends, whatever the caller used.
        var canonical = body.ReplaceLineEndings("\r\n");
        var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes(canonical));
        for (var start = 0; start < encoded.Length; start += BodyLineLength)
        {
            text.Append(encoded, start, Math.Min(BodyLineLength, encoded.Length - start)).Append("\r\n");
        }
    }
}
