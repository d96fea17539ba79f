using Parley.Core.Config;

namespace Parley.Core.Markup;

/// <summary>Turns comment text into the HTML every API response carries:
/// <c>linkfix(sanitise(wrap(markdown(raw))))</c> (spec/rendering.md). One instance serves all requests.</summary>
public sealed class CommentRenderer
{
    private readonly MarkdownEngine _engine;
    private readonly HtmlSanitizer _sanitizer;

    public CommentRenderer(MarkupConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        _engine = config.Renderer.Trim().ToLowerInvariant() switch
        {
            "mistune" => MarkdownEngine.Mistune(config),
            "misaka" => MarkdownEngine.Misaka(config),
            var other => throw new ArgumentException($"[markup] renderer: unknown renderer '{other}' (mistune or misaka).", nameof(config)),
        };
        _sanitizer = new HtmlSanitizer(config.AllowedElements, config.AllowedAttributes);
    }

    public string Render(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        return _sanitizer.Sanitize(Wrap(_engine.ToHtml(raw)));
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
