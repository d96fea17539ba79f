using System.Text.RegularExpressions;

namespace Parley.Core.Comments;

/// <summary>The URL grammar Isso accepts for <c>website</c> (spec/api.md §4.2).</summary>
public static partial class WebsiteGrammar
{
    public static bool IsMatch(string website) => Pattern().IsMatch(website);

    // Labels of Unicode letters/digits/_/- that start and end with a letter/digit/_; a final label of 2-6
    // word characters or 2+ word characters and hyphens; or localhost; or a dotted quad without range check.
    [GeneratedRegex(
        @"\A(?:https?://)?(?:(?:[\p{L}\p{Nd}_](?:[\p{L}\p{Nd}_-]{0,61}[\p{L}\p{Nd}_])?\.)+(?:[\p{L}\p{Nd}_]{2,6}|[\p{L}\p{Nd}_-]{2,})\.?|localhost|[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3})(?::[0-9]+)?(?:/?|[/?]\S+)\z",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
