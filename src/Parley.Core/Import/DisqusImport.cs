using System.Xml.Linq;
using Parley.Core.Comments;
using Parley.Core.Security;

namespace Parley.Core.Import;

/// <summary>
/// Disqus's XML export (spec/import.md §1): threads by the path of their link, posts by <c>dsq:id</c>.
/// Spam becomes pending, deleted posts become placeholders kept only when something replies to them, and the
/// HTML of messages becomes Markdown (<see cref="HtmlToMarkdown"/>).
/// </summary>
public sealed class DisqusImport : IImportFormat
{
    private static readonly XNamespace Dsq = "http://disqus.com";
    private static readonly XNamespace Internals = "http://disqus.com/disqus-internals";

    public string Name => "disqus";

    public ImportedData Read(Stream input)
    {
        var root = ImportXml.Load(input).Root!;
        if (root.Name != Dsq + "disqus")
        {
            throw new ImportException($"{ImportXml.Line(root)}: the root element <{root.Name.LocalName}> is not <disqus xmlns=\"http://disqus.com\">");
        }
        var threads = ReadThreads(root);
        var skipped = new List<string>();
        var byUri = new Dictionary<string, (string? Title, List<ImportedComment> Posts)>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var post in root.Elements(Dsq + "post"))
        {
            var (comment, threadId) = ReadPost(post);
            if (!threads.TryGetValue(threadId, out var thread))
            {
                skipped.Add($"post dsq:id={comment.Key} by {comment.Author} <{comment.Email}>: no thread dsq:id={threadId} (orphan)");
                continue;
            }
            if (!byUri.TryGetValue(thread.Uri, out var group))
            {
                group = (thread.Title, []);
                byUri.Add(thread.Uri, group);
                order.Add(thread.Uri);
            }
            group.Posts.Add(comment);
        }
        var result = order.Select(uri =>
        {
            var (title, posts) = byUri[uri];
            var sorted = posts.OrderBy(p => p.Created).ToList();
            return new ImportedThread(uri, title, ReplyFlattening.DropUnrepliedPlaceholders(ReplyFlattening.Flatten(sorted, skipped)));
        }).Where(t => t.Comments.Count > 0).ToList();
        return new ImportedData(result, skipped);
    }

    private static Dictionary<string, (string Uri, string Title)> ReadThreads(XElement root)
    {
        var threads = new Dictionary<string, (string Uri, string Title)>(StringComparer.Ordinal);
        foreach (var thread in root.Elements(Dsq + "thread"))
        {
            if (!threads.TryAdd(IdOf(thread), ReadThread(thread)))
            {
                throw new ImportException($"thread dsq:id={IdOf(thread)} ({ImportXml.Line(thread)}): a second thread with this id");
            }
        }
        return threads;
    }

    private static (string Uri, string Title) ReadThread(XElement thread)
    {
        var link = ImportXml.Text(thread, Dsq + "link")
            ?? throw new ImportException($"thread dsq:id={IdOf(thread)} ({ImportXml.Line(thread)}): <link> is missing");
        return (ImportText.LinkPath(link, keepQuery: false), (ImportXml.Text(thread, Dsq + "title") ?? "").Trim());
    }

    private static (ImportedComment Comment, string ThreadId) ReadPost(XElement post)
    {
        var id = IdOf(post);
        var where = $"post dsq:id={id} ({ImportXml.Line(post)})";
        var threadId = post.Element(Dsq + "thread") is { } thread ? IdOf(thread)
            : throw new ImportException($"{where}: <thread> is missing");
        var createdAt = ImportXml.Text(post, Dsq + "createdAt") ?? throw new ImportException($"{where}: <createdAt> is missing");
        if (!ImportText.TryParseUtc(createdAt, "yyyy-MM-dd'T'HH:mm:ss'Z'", out var created))
        {
            throw new ImportException($"{where}: createdAt '{createdAt}' is not a date (YYYY-MM-DDTHH:MM:SSZ)");
        }
        var deleted = Flag(post, "isDeleted", where);
        var author = post.Element(Dsq + "author");
        var comment = new ImportedComment
        {
            Key = id,
            ParentKey = post.Element(Dsq + "parent") is { } parent ? IdOf(parent) : null,
            Created = created,
            Mode = deleted ? CommentMode.Deleted : Flag(post, "isSpam", where) ? CommentMode.Pending : CommentMode.Published,
            RemoteAddr = AddressAnonymizer.Anonymize(ImportXml.Text(post, Dsq + "ipAddress")),
            // A deleted post is kept the way the API keeps a placeholder: no text, no author. Messages are HTML;
            // stored as Markdown they render as they looked on Disqus (Isso stores the HTML, shown as text).
            Text = deleted ? "" : HtmlToMarkdown.Convert(ImportXml.Text(post, Dsq + "message") ?? ""),
            Author = deleted || author is null ? null : Escaping.Html(ImportXml.Text(author, Dsq + "name")),
            Email = Escaping.Html(author is null ? "" : ImportXml.Text(author, Dsq + "email") ?? ""),
        };
        return (comment, threadId);
    }

    private static bool Flag(XElement post, string name, string where) => ImportXml.Text(post, Dsq + name)?.Trim() switch
    {
        null or "false" => false,
        "true" => true,
        var other => throw new ImportException($"{where}: {name} '{other}' is neither true nor false"),
    };

    private static string IdOf(XElement element) =>
        element.Attribute(Internals + "id")?.Value
        ?? throw new ImportException($"{ImportXml.Line(element)}: <{element.Name.LocalName}> has no dsq:id attribute");
}
