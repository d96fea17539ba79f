namespace Parley.Core.Config;

/// <summary><c>[markup]</c>, <c>[markup.mistune]</c> and <c>[markup.misaka]</c>.</summary>
public sealed record MarkupConfig
{
    /// <summary><c>renderer</c>: <c>mistune</c> or <c>misaka</c>.</summary>
    public string Renderer { get; init; } = "mistune";
    /// <summary><c>allowed-elements</c>: elements kept in addition to the built-in allow-list.</summary>
    public IReadOnlyList<string> AllowedElements { get; init; } = [];
    /// <summary><c>allowed-attributes</c>: attributes allowed on any element in addition to the built-in ones.</summary>
    public IReadOnlyList<string> AllowedAttributes { get; init; } = [];
    /// <summary><c>[markup.mistune] plugins</c>.</summary>
    public IReadOnlyList<string> Plugins { get; init; } = ["strikethrough", "subscript", "superscript"];
    /// <summary><c>[markup.mistune] parameters</c>; only <c>hard_wrap</c> has an effect.</summary>
    public IReadOnlyList<string> Parameters { get; init; } = ["escape", "hard_wrap"];
    /// <summary><c>[markup.misaka] options</c> (falls back to the legacy <c>[markup] options</c>).</summary>
    public IReadOnlyList<string> MisakaOptions { get; init; } = ["autolink", "fenced-code", "no-intra-emphasis", "strikethrough", "superscript"];
    /// <summary><c>[markup.misaka] flags</c> (falls back to the legacy <c>[markup] flags</c>).</summary>
    public IReadOnlyList<string> MisakaFlags { get; init; } = [];
}
