namespace Parley.Core.Markup;

/// <summary>Link post-processing (spec/rendering.md §5): links leaving the site get
/// <c>rel="nofollow noopener"</c>, keeping any tokens already there.</summary>
internal static class LinkRel
{
    private static readonly string[] Added = ["nofollow", "noopener"];

    public static bool Applies(string? href) =>
        href is not null && !href.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase);

    public static string Merge(string? existing)
    {
        var tokens = (existing ?? string.Empty)
            .Split([' ', '\t', '\n', '\f', '\r'], StringSplitOptions.RemoveEmptyEntries)
            .ToList();
        foreach (var token in Added)
        {
            if (!tokens.Contains(token, StringComparer.OrdinalIgnoreCase))
            {
                tokens.Add(token);
            }
        }

        return string.Join(' ', tokens);
    }
}
