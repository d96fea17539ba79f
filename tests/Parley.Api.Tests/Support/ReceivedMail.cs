using System.Text;
using System.Text.RegularExpressions;

namespace Parley.Api.Tests.Support;

/// <summary>A message as the test SMTP server stored it, with a reader just good enough for assertions.</summary>
public sealed partial record ReceivedMail(string MailFrom, IReadOnlyList<string> RcptTos, string? AuthUser, byte[] Raw)
{
    /// <summary>Header lines exactly as sent, folding included (for line-length checks).</summary>
    public IReadOnlyList<string> RawHeaderLines => HeaderText.Split("\r\n");

    /// <summary>Headers in order, unfolded and with RFC 2047 encoded-words decoded.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers => [.. UnfoldedHeaders.Select(h => KeyValuePair.Create(h.Key, DecodeWords(h.Value)))];

    /// <summary>The body decoded from its transfer encoding and charset.</summary>
    public string Body => DecodeBody();

    /// <summary>The (decoded) value of the one header called <paramref name="name"/>.</summary>
    public string Header(string name) => Headers.Single(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    /// <summary>The value as sent (unfolded, still encoded).</summary>
    public string RawHeader(string name) => UnfoldedHeaders.Single(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    public static ReceivedMail Parse(byte[] raw) => new("", [], null, raw);

    private string Text => Encoding.UTF8.GetString(Raw);

    private int HeaderEnd => Text.IndexOf("\r\n\r\n", StringComparison.Ordinal) is var end and >= 0 ? end : Text.Length;

    private string HeaderText => Text[..HeaderEnd];

    private string BodyText => HeaderEnd + 4 <= Text.Length ? Text[(HeaderEnd + 4)..] : "";

    private IEnumerable<KeyValuePair<string, string>> UnfoldedHeaders =>
        Unfold(HeaderText).Select(line =>
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            return KeyValuePair.Create(line[..colon], line[(colon + 1)..].Trim());
        });

    private static List<string> Unfold(string headerText)
    {
        var lines = new List<string>();
        foreach (var line in headerText.Split("\r\n"))
        {
            if (line.Length > 0 && line[0] is ' ' or '\t' && lines.Count > 0)
            {
                lines[^1] += line; // unfolding removes only the CRLF
            }
            else
            {
                lines.Add(line);
            }
        }
        return lines;
    }

    private static string DecodeWords(string value)
    {
        // Whitespace between two adjacent encoded-words is not part of the text (RFC 2047 §6.2).
        var joined = BetweenWords().Replace(value, "?==?");
        return EncodedWord().Replace(joined, m =>
        {
            var charset = Encoding.GetEncoding(m.Groups[1].Value);
            var bytes = m.Groups[2].Value.Equals("B", StringComparison.OrdinalIgnoreCase)
                ? Convert.FromBase64String(m.Groups[3].Value)
                : QuotedPrintable(m.Groups[3].Value.Replace('_', ' '));
            return charset.GetString(bytes);
        });
    }

    private string DecodeBody()
    {
        var headers = UnfoldedHeaders.ToList();
        string Get(string name) => headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value ?? "";
        var charsetMatch = Charset().Match(Get("Content-Type"));
        var charset = Encoding.GetEncoding(charsetMatch.Success ? charsetMatch.Groups[1].Value : "us-ascii");
        var bytes = Get("Content-Transfer-Encoding").ToUpperInvariant() switch
        {
            "BASE64" => Convert.FromBase64String(string.Concat(BodyText.Where(c => !char.IsWhiteSpace(c)))),
            "QUOTED-PRINTABLE" => QuotedPrintable(BodyText.Replace("=\r\n", "", StringComparison.Ordinal)),
            _ => Encoding.UTF8.GetBytes(BodyText),
        };
        return charset.GetString(bytes);
    }

    private static byte[] QuotedPrintable(string text)
    {
        var bytes = new List<byte>();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '=' && i + 2 < text.Length && Uri.IsHexDigit(text[i + 1]) && Uri.IsHexDigit(text[i + 2]))
            {
                bytes.Add(Convert.ToByte(text.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(text[i].ToString()));
            }
        }
        return [.. bytes];
    }

    [GeneratedRegex(@"=\?([^?]+)\?([BbQq])\?([^?]*)\?=")]
    private static partial Regex EncodedWord();

    [GeneratedRegex(@"\?=[ \t]+=\?")]
    private static partial Regex BetweenWords();

    [GeneratedRegex(@"charset=""?([^"";\s]+)""?", RegexOptions.IgnoreCase)]
    private static partial Regex Charset();
}
