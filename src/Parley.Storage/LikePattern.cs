using System.Text;

namespace Parley.Storage;

/// <summary>LIKE patterns for the admin panel's search, the same on every engine (<c>ESCAPE '\'</c>).</summary>
internal static class LikePattern
{
    /// <summary>A pattern matching <paramref name="value"/> anywhere, its own wildcards escaped; null for no filter.</summary>
    public static string? Contains(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }
        var pattern = new StringBuilder("%", value.Length + 2);
        foreach (var ch in value)
        {
            if (ch is '%' or '_' or '\\')
            {
                pattern.Append('\\');
            }
            pattern.Append(ch);
        }
        return pattern.Append('%').ToString();
    }
}
