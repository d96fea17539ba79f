using System.Collections.Concurrent;
using Parley.Core.Config;

namespace Parley.Core.Markup;

/// <summary>Turns comment text into the HTML every API response carries:
/// <c>linkfix(sanitise(wrap(markdown(raw))))</c> (spec/rendering.md). One instance serves all requests.</summary>
public sealed class CommentRenderer
{
    // Rendering (Markdown, then an HTML5 parse to sanitise) costs far more than a lookup, and the same texts are
    // rendered again for every reader. Bounded by characters: past the budget the memo starts empty.
    private const long MemoBudgetChars = 4 * 1024 * 1024;
    private readonly ConcurrentDictionary<string, string> _memo = new(StringComparer.Ordinal);
    private long _memoChars;

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
    }

    public string Render(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        if (_memo.TryGetValue(raw, out var known))
        {
            return known;
        }
        var html = _sanitizer.Sanitize(Wrap(_engine.Value.ToHtml(raw)));
        if (Interlocked.Add(ref _memoChars, raw.Length + html.Length) > MemoBudgetChars)
        {
            _memo.Clear();
            Interlocked.Exchange(ref _memoChars, raw.Length + html.Length);
        }
        _memo.TryAdd(raw, html);
        return html;
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
