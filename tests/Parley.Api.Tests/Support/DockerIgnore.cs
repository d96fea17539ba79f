using System.Text;
using System.Text.RegularExpressions;

namespace Parley.Api.Tests.Support;

/// <summary>
/// Which paths of the build context a <c>.dockerignore</c> keeps out, by Docker's rules: patterns are relative to
/// the context root, <c>*</c> and <c>?</c> stay within one path segment, <c>**</c> spans any number of segments,
/// <c>!</c> brings a path back, the last matching line wins, and excluding a folder excludes everything in it.
/// </summary>
public sealed class DockerIgnore
{
    private readonly List<(Regex Pattern, bool Exclude)> _rules = [];

    private DockerIgnore(IEnumerable<string> lines)
    {
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }
            var exclude = !line.StartsWith('!');
            var pattern = (exclude ? line : line[1..]).Trim().Trim('/');
            _rules.Add((new Regex(ToRegex(pattern), RegexOptions.CultureInvariant), exclude));
        }
    }

    public static DockerIgnore Read(string path) => new(File.ReadAllLines(path));

    /// <summary>True when <paramref name="relativePath"/> (with <c>/</c> separators) is not sent to the build.</summary>
    public bool Excludes(string relativePath)
    {
        var segments = relativePath.Trim('/').Split('/');
        var paths = Enumerable.Range(1, segments.Length).Select(depth => string.Join('/', segments.Take(depth))).ToList();
        var excluded = false;
        foreach (var (pattern, exclude) in _rules)
        {
            // A line that matches a folder holding the path matches the path too.
            if (paths.Any(pattern.IsMatch))
            {
                excluded = exclude;
            }
        }
        return excluded;
    }

    private static string ToRegex(string pattern)
    {
        var regex = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '*' && i + 1 < pattern.Length && pattern[i + 1] == '*')
            {
                i++;
                if (i + 1 < pattern.Length && pattern[i + 1] == '/')
                {
                    i++;
                    regex.Append("(.*/)?");
                }
                else
                {
                    regex.Append(".*");
                }
            }
            else if (c == '*')
            {
                regex.Append("[^/]*");
            }
            else if (c == '?')
            {
                regex.Append("[^/]");
            }
            else if (c == '\\' && i + 1 < pattern.Length)
            {
                regex.Append(Regex.Escape(pattern[++i].ToString()));
            }
            else
            {
                regex.Append(Regex.Escape(c.ToString()));
            }
        }
        return regex.Append('$').ToString();
    }
}
