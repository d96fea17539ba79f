using System.Net;
using System.Text;

namespace Parley.Browser.Tests.Support;

/// <summary>The HTML a website puts around Parley's client, exactly as the embedding instructions say.</summary>
public static class PageMarkup
{
    /// <summary>
    /// A blog post with the thread. <paramref name="options"/> become <c>data-isso-&lt;name&gt;</c> attributes;
    /// <paramref name="scriptSrc"/> defaults to Parley's own <c>/js/embed.min.js</c>.
    /// </summary>
    public static string Post(Uri parley, string title = "A post", IReadOnlyDictionary<string, string>? options = null,
        string? threadId = null, string extraBody = "", Uri? scriptSrc = null)
    {
        var attributes = new StringBuilder();
        foreach (var (name, value) in options ?? new Dictionary<string, string>())
        {
            attributes.Append($" data-isso-{name}=\"{Encode(value)}\"");
        }
        var src = scriptSrc ?? new Uri(parley, "js/embed.min.js");
        var id = threadId is null ? "" : $" data-isso-id=\"{Encode(threadId)}\"";
        return Document(title, $"""
            <article>
              <h1>{Encode(title)}</h1>
              <p>The article the comments are about.</p>
            </article>
            {extraBody}
            <script data-isso="{Encode(parley.ToString())}"{attributes} src="{Encode(src.ToString())}"></script>
            <section id="isso-thread" data-title="{Encode(title)}"{id}></section>
            """);
    }

    /// <summary>An index page with counter links and the counter-only script.</summary>
    public static string Index(Uri parley, params CountLink[] links)
    {
        var items = string.Concat(links.Select(l => $"<li>{Link(l)}</li>\n"));
        return Document("Index", $"""
            <h1>Posts</h1>
            <ul>
            {items}</ul>
            <script data-isso="{Encode(parley.ToString())}" src="{Encode(new Uri(parley, "js/count.min.js").ToString())}"></script>
            """);
    }

    /// <summary>A link to a post's comments, as index pages carry them.</summary>
    public static string Link(CountLink link) =>
        $"<a href=\"{Encode(link.Href)}\"{(link.IssoId is null ? "" : $" data-isso-id=\"{Encode(link.IssoId)}\"")}>Comments</a>";

    // "color-scheme" lets the page itself follow the reader's light or dark preference, as a themed site does.
    private static string Document(string title, string body) => $"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <meta name="viewport" content="width=device-width, initial-scale=1">
          <meta name="color-scheme" content="light dark">
          <title>{Encode(title)}</title>
        </head>
        <body>
        {body}
        </body>
        </html>
        """;

    private static string Encode(string value) => WebUtility.HtmlEncode(value);
}

/// <summary>A counter link: its <c>href</c> (ending in <c>#isso-thread</c>) and optional <c>data-isso-id</c>.</summary>
public sealed record CountLink(string Href, string? IssoId = null);
