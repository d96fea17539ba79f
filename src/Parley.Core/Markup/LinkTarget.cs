using System.Text;

namespace Parley.Core.Markup;

/// <summary>What mistune does to a link target before it reaches the HTML: harmful schemes are
/// replaced and the rest is percent-encoded (spec/rendering.md §2).</summary>
internal static class LinkTarget
{
    public const string Harmful = "#harmful-link";

    private static readonly string[] HarmfulSchemes = ["javascript:", "vbscript:", "file:", "data:"];

    // mistune lets these few image data URLs through; the sanitiser still drops them (§4).
    private static readonly string[] HarmlessData = ["data:image/gif;", "data:image/png;", "data:image/jpeg;", "data:image/webp;"];

    // Characters mistune leaves unencoded besides ASCII letters and digits.
    private const string Unencoded = "-_.~:/?#@!$&()*+,;=%";

    public static string Make(string url)
    {
        // Browsers ignore control characters and whitespace inside a scheme, so compare without them.
        var compact = Compact(url);
        foreach (var scheme in HarmfulSchemes)
        {
            if (compact.StartsWith(scheme, StringComparison.Ordinal) && !StartsWithAny(compact, HarmlessData))
            {
                return Harmful;
            }
        }

        return Encode(url);
    }

    private static string Compact(string url)
    {
        var builder = new StringBuilder(url.Length);
        foreach (var c in url)
        {
            if (!char.IsControl(c) && !char.IsWhiteSpace(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }

    private static bool StartsWithAny(string value, string[] prefixes)
    {
        foreach (var prefix in prefixes)
        {
            if (value.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static string Encode(string url)
    {
        var builder = new StringBuilder(url.Length);
        Span<byte> bytes = stackalloc byte[4];
        var index = 0;
        while (index < url.Length)
        {
            var c = url[index];
            if (char.IsAsciiLetterOrDigit(c) || Unencoded.Contains(c, StringComparison.Ordinal))
            {
                builder.Append(c);
                index++;
                continue;
            }

            // A lone surrogate cannot be UTF-8 encoded; the replacement character stands in for it.
            if (Rune.DecodeFromUtf16(url.AsSpan(index), out var rune, out var used) != System.Buffers.OperationStatus.Done)
            {
                rune = Rune.ReplacementChar;
                used = 1;
            }

            var length = rune.EncodeToUtf8(bytes);
            for (var i = 0; i < length; i++)
            {
                builder.Append('%').Append(bytes[i].ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }

            index += used;
        }

        return builder.ToString();
    }
}
