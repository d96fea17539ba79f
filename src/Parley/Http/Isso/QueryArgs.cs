using System.Globalization;
using Parley.Http.Edge;

namespace Parley.Http.Isso;

/// <summary>Query parameters as Isso reads them: the first value wins, integers as Python's int() takes them.</summary>
internal static class QueryArgs
{
    public static string? First(this HttpRequest request, string name) =>
        request.Query.TryGetValue(name, out var values) && values.Count > 0 ? values[0] : null;

    public static string RequireUri(this HttpRequest request) => request.First("uri") ?? throw IssoError.MissingUri();

    /// <summary>An optional integer parameter; a malformed one is a 400 with <c>&lt;name&gt; should be integer</c>.</summary>
    public static long? Integer(this HttpRequest request, string name)
    {
        var text = request.First(name);
        if (text is null)
        {
            return null;
        }
        return ParseInteger(text) ?? throw IssoError.BadQuery($"{name} should be integer");
    }

    public static long? ParseInteger(string text)
    {
        var trimmed = text.Trim();
        if (long.TryParse(trimmed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }
        // Python's integers have no bound: a longer run of digits saturates instead of failing.
        var digits = trimmed.TrimStart('+', '-');
        return digits.Length > 0 && trimmed.Length - digits.Length <= 1 && digits.All(char.IsAsciiDigit)
            ? (trimmed.StartsWith('-') ? long.MinValue : long.MaxValue)
            : null;
    }
}
