using System.Globalization;
using System.Text.Json;
using Parley.Core.Comments;
using Parley.Core.Storage;

namespace Parley.Core.Import;

/// <summary>
/// Parley's own export (README "Export format"): every thread and every column of every comment, so that
/// importing it into an empty database gives the same rows back (ids aside). Written and read here.
/// </summary>
public sealed class ParleyExport : IImportFormat
{
    public const string FormatName = "parley-export";
    public const int Version = 1;

    public string Name => "parley";

    public static async Task WriteAsync(Stream output, IReadOnlyList<ExportedThread> threads, DateTimeOffset now, CancellationToken ct = default)
    {
        await using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("format", FormatName);
        json.WriteNumber("version", Version);
        json.WriteNumber("exported", now.ToUnixTimeSeconds());
        json.WriteStartArray("threads");
        foreach (var thread in threads)
        {
            json.WriteStartObject();
            json.WriteString("uri", thread.Thread.Uri);
            json.WriteString("title", thread.Thread.Title);
            json.WriteStartArray("comments");
            foreach (var comment in thread.Comments)
            {
                WriteComment(json, comment);
            }
            json.WriteEndArray();
            json.WriteEndObject();
            // Keeps memory flat on big sites.
            await json.FlushAsync(ct);
        }
        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(ct);
    }

    // System.Text.Json writes doubles in their shortest round-trip form, so created/modified come back exact.
    private static void WriteComment(Utf8JsonWriter json, Comment c)
    {
        json.WriteStartObject();
        json.WriteNumber("id", c.Id);
        WriteNullable(json, "parent", c.Parent);
        json.WriteNumber("created", c.Created);
        if (c.Modified is { } modified)
        {
            json.WriteNumber("modified", modified);
        }
        else
        {
            json.WriteNull("modified");
        }
        json.WriteNumber("mode", c.Mode);
        json.WriteString("remote_addr", c.RemoteAddr);
        json.WriteString("text", c.Text);
        json.WriteString("author", c.Author);
        json.WriteString("email", c.Email);
        json.WriteString("website", c.Website);
        json.WriteNumber("likes", c.Likes);
        json.WriteNumber("dislikes", c.Dislikes);
        WriteNullable(json, "notification", c.Notification);
        json.WriteBase64String("voters", c.Voters);
        json.WriteEndObject();
    }

    private static void WriteNullable(Utf8JsonWriter json, string name, long? value)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    public ImportedData Read(Stream input)
    {
        using var document = ImportJson.Load(input);
        var root = document.RootElement;
        ImportJson.Object(root, "the top level");
        if (ImportJson.String(root, "format", "the top level") != FormatName || ImportJson.Integer(root, "version", "the top level") != Version)
        {
            throw new ImportException($"the top level: not a {FormatName} file of version {Version}");
        }
        var threads = new List<ImportedThread>();
        var number = 0;
        foreach (var thread in ImportJson.Array(root, "threads", "the top level"))
        {
            var where = string.Create(CultureInfo.InvariantCulture, $"thread {++number}");
            ImportJson.Object(thread, where);
            var uri = ImportJson.String(thread, "uri", where);
            where += $" (\"{uri}\")";
            var title = ImportJson.StringOrNull(thread, "title", where);
            var comments = ImportJson.Array(thread, "comments", where).Select(c => ReadComment(c, where)).ToList();
            threads.Add(new ImportedThread(uri, title, comments));
        }
        return new ImportedData(threads, []);
    }

    private static ImportedComment ReadComment(JsonElement c, string thread)
    {
        var where = $"{thread}, comment";
        ImportJson.Object(c, where);
        var id = ImportJson.Integer(c, "id", where);
        where = string.Create(CultureInfo.InvariantCulture, $"{thread}, comment id {id}");
        return new ImportedComment
        {
            Key = id.ToString(CultureInfo.InvariantCulture),
            ParentKey = ImportJson.IntegerOrNull(c, "parent", where)?.ToString(CultureInfo.InvariantCulture),
            Created = ImportJson.Number(c, "created", where),
            Modified = ImportJson.NumberOrNull(c, "modified", where),
            Mode = (int)ImportJson.Integer(c, "mode", where),
            RemoteAddr = ImportJson.StringOrNull(c, "remote_addr", where),
            Text = ImportJson.String(c, "text", where),
            Author = ImportJson.StringOrNull(c, "author", where),
            Email = ImportJson.StringOrNull(c, "email", where),
            Website = ImportJson.StringOrNull(c, "website", where),
            Likes = ImportJson.Integer(c, "likes", where),
            Dislikes = ImportJson.Integer(c, "dislikes", where),
            Notification = ImportJson.IntegerOrNull(c, "notification", where),
            Voters = ImportJson.Required(c, "voters", where) is { ValueKind: JsonValueKind.String } voters && voters.TryGetBytesFromBase64(out var bytes) ? bytes
                : throw new ImportException($"{where}: \"voters\" must be a base64 string"),
        };
    }
}
