using System.Text;

namespace Parley.Core.Config;

/// <summary>
/// <c>$NAME</c> and <c>${NAME}</c> in configuration values, as Isso expands them (spec/config.md §1.2): names are
/// ASCII letters, digits and underscores; undefined variables stay as written; substituted text is not expanded again.
/// </summary>
public static class VariableExpansion
{
    public static string Expand(string value, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(environment);
        if (!value.Contains('$'))
        {
            return value;
        }
        var result = new StringBuilder(value.Length);
        var i = 0;
        while (i < value.Length)
        {
            var (name, length) = value[i] == '$' ? Reference(value, i) : (null, 0);
            if (name is not null && environment(name) is { } replacement)
            {
                result.Append(replacement);
                i += length;
            }
            else
            {
                var take = Math.Max(length, 1); // an undefined reference is copied whole
                result.Append(value, i, take);
                i += take;
            }
        }
        return result.ToString();
    }

    /// <summary>The variable name referenced at a <c>$</c>, and how many characters the reference spans.</summary>
    private static (string? Name, int Length) Reference(string value, int dollar)
    {
        var start = dollar + 1;
        if (start < value.Length && value[start] == '{')
        {
            var close = value.IndexOf('}', start);
            return close < 0 ? (null, 0) : (value[(start + 1)..close], close - dollar + 1);
        }
        var end = start;
        while (end < value.Length && (char.IsAsciiLetterOrDigit(value[end]) || value[end] == '_'))
        {
            end++;
        }
        return end == start ? (null, 0) : (value[start..end], end - dollar);
    }
}
