using System.Text.RegularExpressions;

namespace Parley.Core.Spam;

/// <summary>
/// One entry of <c>[spam] blocked-words</c> or <c>suspect-words</c>: a word or phrase (matched as whole words, any case)
/// or a <c>/regular expression/</c> (any case). Expressions run without backtracking, so no pattern and no comment can
/// make a check take long.
/// </summary>
public sealed class WordRule
{
    private readonly Regex _regex;

    private WordRule(string text, Regex regex)
    {
        Text = text;
        _regex = regex;
    }

    /// <summary>As the configuration wrote it.</summary>
    public string Text { get; }

    public bool Matches(string text) => _regex.IsMatch(text);

    /// <summary>The rule <paramref name="entry"/> says, or null with <paramref name="error"/> saying why it is none.</summary>
    public static WordRule? TryParse(string entry, out string? error)
    {
        ArgumentNullException.ThrowIfNull(entry);
        error = null;
        var isPattern = entry.Length >= 2 && entry[0] == '/' && entry[^1] == '/';
        var pattern = isPattern ? entry[1..^1] : $@"(?<!\w){Regex.Escape(entry)}(?!\w)";
        if (isPattern && pattern.Length == 0)
        {
            error = "// is an empty expression";
            return null;
        }
        try
        {
            // Whole-word matching for plain words needs lookarounds, which the non-backtracking engine lacks; an escaped
            // literal between them cannot backtrack badly, so it runs on the ordinary engine with a time limit.
            var options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | (isPattern ? RegexOptions.NonBacktracking : RegexOptions.None);
            return new WordRule(entry, new Regex(pattern, options, TimeSpan.FromMilliseconds(200)));
        }
        catch (ArgumentException e)
        {
            error = $"\"{entry}\" is not a usable regular expression ({e.Message})";
            return null;
        }
        catch (NotSupportedException e)
        {
            error = $"\"{entry}\" uses what Parley's expressions do not support (backreferences, lookarounds, atomic groups): {e.Message}";
            return null;
        }
    }
}
