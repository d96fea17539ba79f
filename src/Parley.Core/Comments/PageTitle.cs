using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Parley.Core.Comments;

/// <summary>
/// Title discovery for a new thread without a title (spec/behaviour.md §3.2): fetch the page, find the
/// thread element, and take its <c>data-title</c> or the nearest <c>h1</c> as Isso does.
/// </summary>
public sealed class PageTitle(HttpClient http)
{
    public const string UserAgent = "Isso/0.14.0 (+https://isso-comments.de)";

    /// <summary>The thread uri (possibly replaced by <c>data-isso-id</c>) and title, or null when the page cannot be fetched.</summary>
    public async Task<(string Uri, string Title)?> DiscoverAsync(string origin, string uri, CancellationToken ct)
    {
        var html = await FetchAsync(origin, uri, ct);
        return html is null ? null : Extract(html, uri);
    }

    public static (string Uri, string Title) Extract(string html, string uri)
    {
        var document = new HtmlParser().ParseDocument(html);
        var anchor = document.All.FirstOrDefault(e => e.LocalName is "div" or "section" && e.Id == "isso-thread");
        if (anchor is null)
        {
            return (uri, "Untitled.");
        }
        if (anchor.GetAttribute("data-isso-id") is { } id)
        {
            uri = Uri.UnescapeDataString(id);
        }
        if (anchor.GetAttribute("data-title") is { } title)
        {
            return (uri, Uri.UnescapeDataString(title));
        }
        return (uri, NearestHeading(anchor)?.TextContent.Trim() ?? "Untitled.");
    }

    // Walk down the first unvisited child at each level, then climb to the parent and repeat.
    private static IElement? NearestHeading(IElement anchor)
    {
        var visited = new HashSet<IElement>();
        for (IElement? start = anchor; start is not null; start = start.ParentElement)
        {
            var e = start;
            while (true)
            {
                visited.Add(e);
                var next = e.Children.FirstOrDefault(c => !visited.Contains(c));
                if (next is null)
                {
                    break;
                }
                if (next.LocalName == "h1")
                {
                    return next;
                }
                e = next;
            }
        }
        return null;
    }

    private async Task<string?> FetchAsync(string origin, string uri, CancellationToken ct)
    {
        if (!Uri.TryCreate(origin + uri, UriKind.Absolute, out var target) || target.Scheme is not ("http" or "https"))
        {
            return null;
        }
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(3));
            for (var attempt = 0; attempt < 3; attempt++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, target);
                request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
                using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
                if ((int)response.StatusCode == 301 && response.Headers.Location is { } location)
                {
                    // Only the path of the redirect is followed, on the same host, as Isso does.
                    var path = location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
                    target = new Uri(target, path);
                    continue;
                }
                if ((int)response.StatusCode != 200)
                {
                    return null;
                }
                var content = await response.Content.ReadAsStringAsync(timeout.Token);
                return content.Length > 2_000_000 ? content[..2_000_000] : content;
            }
            return null;
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or InvalidOperationException or UriFormatException)
        {
            return null;
        }
    }
}
