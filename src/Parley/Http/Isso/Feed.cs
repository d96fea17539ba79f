using System.Globalization;
using System.Security;
using System.Text;
using Parley.Core.Comments;
using Parley.Core.Config;
using Parley.Core.Markup;
using Parley.Core.Storage;
using Parley.Http.Edge;

namespace Parley.Http.Isso;

/// <summary>GET /feed?uri= — the Atom feed of one thread (spec/api.md §4.11, behaviour.md §12).</summary>
internal static class Feed
{
    /// <summary>GET /feed?uri= — the Atom feed of one thread; 404 unless <c>[rss] base</c> is set.</summary>
    public static async Task<IResult> Thread(HttpContext context, ParleyConfig config, ICommentStore store,
        CommentRenderer renderer, CancellationToken ct)
    {
        var request = context.Request;
        var uri = request.RequireUri();
        if (config.Rss.Base.Length == 0)
        {
            throw IssoError.NotFound();
        }
        var limit = Math.Max(request.Integer("limit") ?? 0, config.Rss.Limit);
        var comments = await store.FeedAsync(uri, (int)Math.Min(limit, int.MaxValue), ct);
        var first = comments.Count > 0 ? comments[0] : null;
        var etag = first is null ? "\"empty\"" : $"\"{first.Tid}-{first.Id}\"";
        var lastModified = DateTimeOffset.UnixEpoch.AddTicks((long)((first?.Modified ?? first?.Created ?? 0) * TimeSpan.TicksPerSecond));
        var headers = context.Response.Headers;
        headers.ETag = etag;
        headers.LastModified = lastModified.ToString("r", CultureInfo.InvariantCulture);
        if (NotModified(request, etag, lastModified))
        {
            return Results.StatusCode(304);
        }
        // Isso sends text/xml without a charset parameter (spec/api.md §1.6); the XML declaration names UTF-8.
        return Results.Bytes(Encoding.UTF8.GetBytes(Atom(config.Rss.Base, uri, comments, first, renderer)), "text/xml");
    }

    private static bool NotModified(HttpRequest request, string etag, DateTimeOffset lastModified)
    {
        var match = request.Headers.IfNoneMatch.ToString();
        if (match.Length > 0)
        {
            return match.Split(',').Any(t => t.Trim() == etag || t.Trim() == "*");
        }
        return DateTimeOffset.TryParse(request.Headers.IfModifiedSince.ToString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var since)
            && Math.Floor((lastModified - DateTimeOffset.UnixEpoch).TotalSeconds) <= (since - DateTimeOffset.UnixEpoch).TotalSeconds;
    }

    private static string Atom(string rssBase, string uri, IReadOnlyList<Comment> comments, Comment? first, CommentRenderer renderer)
    {
        var baseUrl = rssBase.TrimEnd('/');
        var host = Uri.TryCreate(baseUrl, UriKind.Absolute, out var b) ? b.Authority : baseUrl;
        var xml = new StringBuilder("<?xml version='1.0' encoding='utf-8'?>\n");
        xml.Append("<feed xmlns=\"http://www.w3.org/2005/Atom\" xmlns:thr=\"http://purl.org/syndication/thread/1.0\">");
        xml.Append("<updated>").Append(first is null ? "1970-01-01T01:00:00Z" : Time(first.Modified ?? first.Created)).Append("</updated>");
        xml.Append("<id>").Append(E($"tag:{host},2018:/isso/thread{uri}")).Append("</id>");
        xml.Append("<title>").Append(E($"Comments for {host}{uri}")).Append("</title>");
        foreach (var c in comments)
        {
            xml.Append("<entry><id>").Append(E($"tag:{host},2018:/isso/{c.Tid}/{c.Id}")).Append("</id>");
            xml.Append("<title>Comment #").Append(c.Id).Append("</title>");
            xml.Append("<updated>").Append(Time(c.Modified ?? c.Created)).Append("</updated>");
            xml.Append(c.Author is null ? "<author><name /></author>" : $"<author><name>{E(c.Author)}</name></author>");
            xml.Append("<link href=\"").Append(E($"{baseUrl}{uri}#isso-{c.Id}")).Append("\" />");
            xml.Append("<content type=\"html\">").Append(E(renderer.Render(c.Text))).Append("</content>");
            if (c.Parent is { } parent)
            {
                xml.Append("<thr:in-reply-to ref=\"").Append(E($"tag:{host},2018:/isso/{c.Tid}/{parent}"))
                    .Append("\" href=\"").Append(E($"{baseUrl}{uri}#isso-{parent}")).Append("\" />");
            }
            xml.Append("</entry>");
        }
        return xml.Append("</feed>").ToString();
    }

    private static string Time(double seconds)
    {
        var t = DateTimeOffset.UnixEpoch.AddTicks((long)Math.Round(seconds * 1_000_000) * 10);
        var text = t.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
        return (t.Ticks % TimeSpan.TicksPerSecond == 0 ? text : text + "." + (t.Ticks % TimeSpan.TicksPerSecond / 10).ToString("D6", CultureInfo.InvariantCulture)) + "Z";
    }

    // Control characters such as U+0000 are not allowed anywhere in XML 1.0; one of them in a comment
    // would make the whole feed unreadable, so they are dropped before escaping.
    private static string E(string text) => SecurityElement.Escape(
        text.Any(c => !System.Xml.XmlConvert.IsXmlChar(c) && !char.IsSurrogate(c))
            ? new string([.. text.Where(c => System.Xml.XmlConvert.IsXmlChar(c) || char.IsSurrogate(c))])
            : text);
}
