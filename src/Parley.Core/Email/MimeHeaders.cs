using System.Text;

namespace Parley.Core.Email;

/// <summary>Header values: injection checks, RFC 2047 encoded-words, mailbox quoting, folding.</summary>
internal static class MimeHeaders
{
    public const int LineLength = 78;
    private const int MaxLineLength = 998;
    private const int MaxEncodedWord = 75;
    // "=?utf-8?B?" + "?=": room for at least one 4-byte character must remain.
    private const int EncodedWordOverhead = 12;
    private const int MinEncodedWord = EncodedWordOverhead + 8;
    private const string Specials = "()<>[]:;@\\,.\"";

    public static void CheckName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length == 0 || name.Any(c => c <= ' ' || c >= 127 || c == ':'))
        {
            throw new ArgumentException($"Invalid header name '{name.ReplaceLineEndings(" ")}'.", nameof(name));
        }
    }

    public static string CheckValue(string name, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        // A line break would let the value start a header (or the body) of its own.
        if (value.Contains('\r', StringComparison.Ordinal) || value.Contains('\n', StringComparison.Ordinal))
        {
            throw new ArgumentException($"The {name} header must not contain CR or LF.", nameof(value));
        }
        return value;
    }

    /// <summary>Free text: as is when plain ASCII, else encoded-words sized for the header's first line.</summary>
    public static string Unstructured(string name, string value)
    {
        CheckValue(name, value);
        var trimmed = value.Trim();
        return NeedsEncoding(trimmed) ? string.Join(' ', EncodedWords(trimmed, FirstWordRoom(name))) : trimmed;
    }

    /// <summary><c>Name &lt;addr&gt;</c> with the display name quoted or encoded as needed; a bare address as is.</summary>
    public static string Mailbox(string name, string mailbox)
    {
        CheckValue(name, mailbox);
        var (display, address) = SplitMailbox(mailbox);
        if (display.Length == 0)
        {
            return address.Length == 0 ? "<>" : address;
        }
        if (NeedsEncoding(display))
        {
            return string.Join(' ', EncodedWords(display, FirstWordRoom(name))) + " <" + address + ">";
        }
        if (display.Any(c => Specials.Contains(c, StringComparison.Ordinal)))
        {
            display = "\"" + display.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
        }
        return display + " <" + address + ">";
    }

    public static (string Display, string Address) SplitMailbox(string mailbox)
    {
        var value = mailbox.Trim();
        var open = value.LastIndexOf('<');
        if (open >= 0 && value.EndsWith('>'))
        {
            return (Unquote(value[..open].Trim()), value[(open + 1)..^1].Trim());
        }
        // "addr (Name)", the older form Isso accepts for [smtp] from.
        var comment = value.IndexOf('(', StringComparison.Ordinal);
        return comment > 0 && value.EndsWith(')') ? ("", value[..comment].Trim()) : ("", value);
    }

    /// <summary>Folds at whitespace so lines stay within 78 characters where the value allows it.</summary>
    public static string Fold(string name, string value)
    {
        var folded = new StringBuilder(name).Append(':');
        var lineLength = folded.Length;
        var lineStart = 0;
        var first = true;
        var i = 0;
        while (i < value.Length)
        {
            var wordStart = i;
            while (wordStart < value.Length && value[wordStart] is ' ' or '\t')
            {
                wordStart++;
            }
            var wordEnd = wordStart;
            while (wordEnd < value.Length && value[wordEnd] is not (' ' or '\t'))
            {
                wordEnd++;
            }
            var space = first ? " " : value[i..wordStart];
            var word = value[wordStart..wordEnd];
            if (!first && lineLength + space.Length + word.Length > LineLength)
            {
                CheckLength(folded.Length - lineStart);
                folded.Append("\r\n");
                lineStart = folded.Length;
                lineLength = 0;
            }
            folded.Append(space).Append(word);
            lineLength += space.Length + word.Length;
            first = false;
            i = wordEnd;
        }
        CheckLength(folded.Length - lineStart);
        return folded.ToString();
    }

    /// <summary>RFC 2047 B-encoded words of at most 75 characters, never splitting a character's UTF-8 bytes.</summary>
    public static IEnumerable<string> EncodedWords(string text, int firstWordLength)
    {
        var maxLength = firstWordLength;
        var bytes = new List<byte>();
        Span<byte> buffer = stackalloc byte[4];
        var words = new List<string>();
        foreach (var rune in text.EnumerateRunes())
        {
            var count = rune.EncodeToUtf8(buffer);
            if (bytes.Count + count > PayloadBytes(maxLength))
            {
                words.Add(EncodedWord(bytes));
                bytes.Clear();
                maxLength = MaxEncodedWord;
            }
            bytes.AddRange(buffer[..count]);
        }
        if (bytes.Count > 0 || words.Count == 0)
        {
            words.Add(EncodedWord(bytes));
        }
        return words;
    }

    private static int PayloadBytes(int wordLength) => (wordLength - EncodedWordOverhead) / 4 * 3;

    private static string EncodedWord(List<byte> bytes) => "=?utf-8?B?" + Convert.ToBase64String([.. bytes]) + "?=";

    // The first word shares its line with "Name: ".
    private static int FirstWordRoom(string name) =>
        Math.Clamp(LineLength - name.Length - 2, MinEncodedWord, MaxEncodedWord);

    // "=?" in plain text would be read back as the start of an encoded-word.
    private static bool NeedsEncoding(string text) =>
        text.Any(c => c >= 127 || (c < ' ' && c != '\t')) || text.Contains("=?", StringComparison.Ordinal);

    private static string Unquote(string display)
    {
        if (display.Length >= 2 && display[0] == '"' && display[^1] == '"')
        {
            return display[1..^1].Replace("\\\"", "\"", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal);
        }
        return display;
    }

    private static void CheckLength(int lineLength)
    {
        if (lineLength > MaxLineLength)
        {
            throw new ArgumentException($"A header line would exceed {MaxLineLength} characters.");
        }
    }
}
