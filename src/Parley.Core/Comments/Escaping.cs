namespace Parley.Core.Comments;

/// <summary>Escape-on-write as Isso does it: what is stored is what clients receive.</summary>
public static class Escaping
{
    /// <summary><c>&amp; &lt; &gt;</c> (author and e-mail).</summary>
    public static string? Html(string? value) => value?
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal);

    /// <summary><c>&amp; &lt; &gt; " '</c> (website).</summary>
    public static string? HtmlWithQuotes(string? value) => Html(value)?
        .Replace("\"", "&quot;", StringComparison.Ordinal)
        .Replace("'", "&#x27;", StringComparison.Ordinal);

    /// <summary>Website on create: escaped and given <c>http://</c> unless it starts with exactly http:// or https://.</summary>
    public static string? Website(string? value, bool prefixScheme)
    {
        var escaped = HtmlWithQuotes(value);
        if (!prefixScheme || string.IsNullOrEmpty(escaped)
            || escaped.StartsWith("http://", StringComparison.Ordinal) || escaped.StartsWith("https://", StringComparison.Ordinal))
        {
            return escaped;
        }
        return "http://" + escaped;
    }
}
