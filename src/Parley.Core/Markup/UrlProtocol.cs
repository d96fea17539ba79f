namespace Parley.Core.Markup;

/// <summary>The URL schemes a sanitised attribute may carry (spec/rendering.md §4).</summary>
internal static class UrlProtocol
{
    private static readonly string[] Allowed = ["http", "https", "mailto"];

    /// <summary>True for http, https, mailto and scheme-less (relative) URLs.</summary>
    public static bool IsAllowed(string value)
    {
        // Browsers drop whitespace and control characters inside URLs ("java\tscript:"), so a
        // scheme is judged on what remains; invisible format characters are dropped too.
        Span<char> buffer = value.Length <= 256 ? stackalloc char[value.Length] : new char[value.Length];
        var length = 0;
        foreach (var c in value)
        {
            if (!char.IsControl(c) && !char.IsWhiteSpace(c)
                && char.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.Format)
            {
                buffer[length++] = c;
            }
        }

        var url = buffer[..length];
        var end = url.IndexOfAny(":/?#\\");
        if (end < 0 || url[end] != ':')
        {
            return true;
        }

        var scheme = url[..end];
        foreach (var allowed in Allowed)
        {
            if (scheme.Equals(allowed, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
