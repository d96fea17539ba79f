using System.Globalization;
using System.Text.Json;
using Parley.Core.Comments;

namespace Parley.Core.Import;

/// <summary>
/// Isso's generic JSON (spec/import.md §3): an array of threads whose comments are all top-level and published,
/// inserted in the order of their <c>id</c>. <c>remote_addr</c> and the title are kept as found.
/// </summary>
public sealed class IssoJsonImport : IImportFormat
{
    public string Name => "generic";

    public ImportedData Read(Stream input)
    {
        using var document = ImportJson.Load(input);
        if (document.RootElement.ValueKind != JsonValueKind.Array)
        {
            throw new ImportException("line 1: the file must hold a JSON array of threads");
        }
        var threads = new List<ImportedThread>();
        var number = 0;
        foreach (var thread in document.RootElement.EnumerateArray())
        {
            number++;
            var where = string.Create(CultureInfo.InvariantCulture, $"thread {number}");
            ImportJson.Object(thread, where);
            var uri = ImportJson.String(thread, "id", where);
            where += $" (\"{uri}\")";
            var title = ImportJson.String(thread, "title", where);
            var comments = ImportJson.Array(thread, "comments", where).Select((c, i) => ReadComment(c, $"{where}, comment {i + 1}"));
            threads.Add(new ImportedThread(uri, title, comments.OrderBy(c => c.Id).Select(c => c.Comment).ToList()));
        }
        return new ImportedData(threads, []);
    }

    private static (long Id, ImportedComment Comment) ReadComment(JsonElement comment, string where)
    {
        ImportJson.Object(comment, where);
        var id = ImportJson.Integer(comment, "id", where);
        var created = ImportJson.String(comment, "created", where);
        if (!ImportText.TryParseUtc(created, "yyyy-MM-dd HH:mm:ss", out var seconds))
        {
            throw new ImportException($"{where}: created '{created}' is not a date (YYYY-MM-DD HH:MM:SS)");
        }
        return (id, new ImportedComment
        {
            Key = id.ToString(CultureInfo.InvariantCulture),
            Created = seconds,
            Mode = CommentMode.Published,
            RemoteAddr = ImportJson.String(comment, "remote_addr", where),
            Text = ImportJson.String(comment, "text", where),
            Author = Escaping.Html(ImportJson.StringOrNull(comment, "author", where)),
            Email = Escaping.Html(ImportJson.StringOrNull(comment, "email", where)),
            Website = Escaping.Website(ImportJson.StringOrNull(comment, "website", where), prefixScheme: false),
        });
    }
}
