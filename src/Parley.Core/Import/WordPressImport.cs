using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Parley.Core.Comments;
using Parley.Core.Security;

namespace Parley.Core.Import;

/// <summary>
/// WordPress's WXR export (spec/import.md §2): every item with a title and comments is a thread; approved
/// comments are published, everything else (pending, spam, trash) is imported pending.
/// </summary>
public sealed partial class WordPressImport : IImportFormat
{
    public string Name => "wordpress";

    public ImportedData Read(Stream input)
    {
        var root = ImportXml.Load(input).Root!;
        XNamespace wp = root.Attributes().Where(a => a.IsNamespaceDeclaration).Select(a => a.Value).FirstOrDefault(WxrNamespace().IsMatch)
            ?? throw new ImportException($"{ImportXml.Line(root)}: <{root.Name.LocalName}> declares no WordPress namespace http://wordpress.org/export/1.x/");
        var channel = root.Element("channel") ?? throw new ImportException($"{ImportXml.Line(root)}: <channel> is missing");
        var skipped = new List<string>();
        var threads = new List<ImportedThread>();
        var byUri = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var item in channel.Elements("item"))
        {
            var title = (item.Element("title")?.Value ?? "").Trim();
            var comments = item.Elements(wp + "comment").Select(c => ReadComment(c, wp)).ToList();
            if (title.Length == 0 || comments.Count == 0)
            {
                continue;
            }
            var link = item.Element("link")?.Value ?? throw new ImportException($"item '{title}' ({ImportXml.Line(item)}): <link> is missing");
            var uri = ImportText.LinkPath(link, keepQuery: true);
            var sorted = comments.OrderBy(c => c.Id).Select(c => c.Comment).ToList();
            // Two items with one uri share the thread (Isso's importer fails on the second).
            if (byUri.TryGetValue(uri, out var index))
            {
                var earlier = threads[index];
                threads[index] = earlier with { Comments = [.. earlier.Comments, .. ReplyFlattening.Flatten(sorted, skipped)] };
                continue;
            }
            byUri.Add(uri, threads.Count);
            threads.Add(new ImportedThread(uri, title, ReplyFlattening.Flatten(sorted, skipped)));
        }
        return new ImportedData(threads, skipped);
    }

    private static (long Id, ImportedComment Comment) ReadComment(XElement comment, XNamespace wp)
    {
        var where = $"<wp:comment> at {ImportXml.Line(comment)}";
        var id = Integer(comment, wp + "comment_id", where) ?? throw new ImportException($"{where}: <wp:comment_id> is missing");
        where = $"wp:comment_id={id} ({ImportXml.Line(comment)})";
        var parent = Integer(comment, wp + "comment_parent", where) ?? 0;
        return (id, new ImportedComment
        {
            Key = id.ToString(CultureInfo.InvariantCulture),
            ParentKey = parent == 0 ? null : parent.ToString(CultureInfo.InvariantCulture),
            Created = Created(comment, wp, where),
            Mode = Value(comment, wp + "comment_approved") == "1" ? CommentMode.Published : CommentMode.Pending,
            RemoteAddr = AddressAnonymizer.Anonymize(Value(comment, wp + "comment_author_IP")),
            Text = HardBreaks(comment.Element(wp + "comment_content")?.Value ?? ""),
            Author = Escaping.Html(Value(comment, wp + "comment_author")),
            Email = Escaping.Html(Value(comment, wp + "comment_author_email")),
            Website = Escaping.Website(Value(comment, wp + "comment_author_url"), prefixScheme: false),
        });
    }

    // Pending comments often carry a zero GMT date; their local date is then the best there is.
    private static double Created(XElement comment, XNamespace wp, string where)
    {
        foreach (var name in (string[])["comment_date_gmt", "comment_date"])
        {
            var text = Value(comment, wp + name);
            if (text is null || text.StartsWith("0000-00-00", StringComparison.Ordinal))
            {
                continue;
            }
            return ImportText.TryParseUtc(text, "yyyy-MM-dd HH:mm:ss", out var created) ? created
                : throw new ImportException($"{where}: {name} '{text}' is not a date (YYYY-MM-DD HH:MM:SS)");
        }
        throw new ImportException($"{where}: <wp:comment_date_gmt> is missing");
    }

    // Markdown hard breaks keep WordPress's line breaks, except one leading newline.
    private static string HardBreaks(string content) =>
        (content.Length > 0 ? content[..1] + content[1..].Replace("\n", "  \n", StringComparison.Ordinal) : "").Trim();

    /// <summary>The trimmed text of a child; null when missing or empty, as Isso's importer stores it.</summary>
    private static string? Value(XElement parent, XName name) =>
        parent.Element(name)?.Value.Trim() is { Length: > 0 } value ? value : null;

    private static long? Integer(XElement parent, XName name, string where)
    {
        var text = Value(parent, name);
        if (text is null)
        {
            return null;
        }
        return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value
            : throw new ImportException($"{where}: {name.LocalName} '{text}' is not an integer");
    }

    [GeneratedRegex(@"^http://wordpress\.org/export/1\.\d/$")]
    private static partial Regex WxrNamespace();
}
