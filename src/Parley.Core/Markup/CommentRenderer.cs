using Parley.Core.Caching;
using Parley.Core.Config;

namespace Parley.Core.Markup;

/// <summary>Turns comment text into the HTML every API response carries:
/// <c>linkfix(sanitise(wrap(markdown(raw))))</c> (spec/rendering.md). One instance serves all requests.</summary>
public sealed class CommentRenderer
{
    // Rendering (Markdown, then an HTML5 parse to sanitise) costs far more than a lookup, and the same texts are
    // rendered again for every reader: remembered up to 4 M characters of text and HTML.
    private readonly StringMemo _memo = new(4 * 1024 * 1024, static (raw, html) => raw.Length + html.Length);
    private readonly Func<string, string> _render;

    // Built on first use: a server that only answers from its caches never loads the Markdown library.
    private readonly Lazy<MarkdownEngine> _engine;
    private readonly HtmlSanitizer _sanitizer;

    public CommentRenderer(MarkupConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        Func<MarkupConfig, MarkdownEngine> create = config.Renderer.Trim().ToLowerInvariant() switch
        {
            "mistune" => MarkdownEngine.Mistune,
            "misaka" => MarkdownEngine.Misaka,
            var other => throw new ArgumentException($"[markup] renderer: unknown renderer '{other}' (mistune or misaka).", nameof(config)),
        };
        _engine = new Lazy<MarkdownEngine>(() => create(config));
        _sanitizer = new HtmlSanitizer(config.AllowedElements, config.AllowedAttributes);
        _render = raw => _sanitizer.Sanitize(Wrap(_engine.Value.ToHtml(raw)));
    }

    public string Render(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        return _memo.GetOrAdd(raw, _render);
    }

    /// <summary>Isso's wrap step (§3): output that neither starts nor ends as a paragraph gets one.</summary>
    private static string Wrap(string html)
    {
        var trimmed = html.TrimEnd('\n');
        return trimmed.StartsWith("<p>", StringComparison.Ordinal) || trimmed.EndsWith("</p>", StringComparison.Ordinal)
            ? trimmed
            : "<p>" + trimmed + "</p>";
    }
}
