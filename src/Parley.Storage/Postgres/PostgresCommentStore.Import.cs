using Dapper;
using Npgsql;
using NpgsqlTypes;
using Parley.Core.Comments;
using Parley.Core.Import;
using Parley.Core.Security;
using Parley.Core.Storage;

namespace Parley.Storage.Postgres;

/// <summary>Bulk import in one transaction, and the full read behind export.</summary>
public sealed partial class PostgresCommentStore
{
    public async Task<ImportCounts> ImportAsync(IReadOnlyList<ImportedThread> threads, IProgress<int>? progress = null, CancellationToken ct = default)
    {
        // A connection of its own, not the writer's: an import holds its transaction for as long as it takes. It takes
        // the write lock like any write, so no instance writes in between.
        await using var connection = await _source.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            $"SELECT pg_advisory_xact_lock({PostgresSchema.WriteLock})", transaction: transaction, cancellationToken: ct));
        int created = 0, reused = 0, inserted = 0;
        var nextId = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT coalesce(max(id), 0) + 1 FROM comments", transaction: transaction, cancellationToken: ct));
        foreach (var thread in threads)
        {
            ct.ThrowIfCancellationRequested();
            var (tid, isNew) = await ImportThreadAsync(connection, transaction, thread, ct);
            created += isNew ? 1 : 0;
            reused += isNew ? 0 : 1;
            var ids = Enumerable.Range(0, thread.Comments.Count).Select(i => nextId + i).ToArray();
            var parents = ImportParents.Resolve(thread.Comments, ids);
            // Ids are known before the rows are written, so each reply carries its parent at once: one COPY per thread.
            await using (var copy = await connection.BeginBinaryImportAsync(ImportCopy, ct))
            {
                for (var i = 0; i < ids.Length; i++)
                {
                    await WriteRowAsync(copy, tid, ids[i], parents[i], thread.Comments[i], ct);
                    inserted++;
                    progress?.Report(inserted);
                }
                await copy.CompleteAsync(ct);
            }
            nextId += ids.Length;
            await RecordImportAsync(connection, transaction, tid, isNew, ids, ct);
        }
        await transaction.CommitAsync(ct);
        return new ImportCounts(created, reused, inserted);
    }

    private const string ImportCopy = """
        COPY comments (tid, id, parent, created, modified, mode, remote_addr, text, author, email, website,
                       likes, dislikes, voters, notification) FROM STDIN (FORMAT BINARY)
        """;

    private static async Task WriteRowAsync(NpgsqlBinaryImporter copy, long tid, long id, long? parent, ImportedComment comment, CancellationToken ct)
    {
        await copy.StartRowAsync(ct);
        await copy.WriteAsync(tid, NpgsqlDbType.Bigint, ct);
        await copy.WriteAsync(id, NpgsqlDbType.Bigint, ct);
        await WriteNullableAsync(copy, parent, NpgsqlDbType.Bigint, ct);
        await copy.WriteAsync(comment.Created, NpgsqlDbType.Double, ct);
        await WriteNullableAsync(copy, comment.Modified, NpgsqlDbType.Double, ct);
        await copy.WriteAsync((long)comment.Mode, NpgsqlDbType.Bigint, ct);
        await WriteNullableAsync(copy, comment.RemoteAddr, NpgsqlDbType.Text, ct);
        await copy.WriteAsync(comment.Text, NpgsqlDbType.Text, ct);
        await WriteNullableAsync(copy, comment.Author, NpgsqlDbType.Text, ct);
        await WriteNullableAsync(copy, comment.Email, NpgsqlDbType.Text, ct);
        await WriteNullableAsync(copy, comment.Website, NpgsqlDbType.Text, ct);
        await copy.WriteAsync(comment.Likes, NpgsqlDbType.Bigint, ct);
        await copy.WriteAsync(comment.Dislikes, NpgsqlDbType.Bigint, ct);
        await copy.WriteAsync(comment.Voters ?? VotersFilter.Create(comment.RemoteAddr ?? AddressAnonymizer.Unknown), NpgsqlDbType.Bytea, ct);
        await WriteNullableAsync(copy, comment.Notification, NpgsqlDbType.Bigint, ct);
    }

    private static Task WriteNullableAsync<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type, CancellationToken ct) =>
        value is null ? copy.WriteNullAsync(ct) : copy.WriteAsync(value, type, ct);

    private static Task WriteNullableAsync<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type, CancellationToken ct) where T : struct =>
        value is { } present ? copy.WriteAsync(present, type, ct) : copy.WriteNullAsync(ct);

    private static async Task<(long Id, bool IsNew)> ImportThreadAsync(
        NpgsqlConnection c, NpgsqlTransaction transaction, ImportedThread thread, CancellationToken ct)
    {
        const string insert = """
            INSERT INTO threads (id, uri, title) VALUES ((SELECT coalesce(max(id), 0) + 1 FROM threads), @Uri, @Title)
            ON CONFLICT (uri) DO NOTHING RETURNING id
            """;
        const string select = "SELECT id FROM threads WHERE uri = @Uri";
        if (await c.ExecuteScalarAsync<long?>(new CommandDefinition(insert, new { thread.Uri, thread.Title }, transaction, cancellationToken: ct)) is { } id)
        {
            return (id, true);
        }
        return (await c.ExecuteScalarAsync<long>(new CommandDefinition(select, new { thread.Uri }, transaction, cancellationToken: ct)), false);
    }

    // The import's events (by "import"), written with it: the thread when it is new, then each comment as stored.
    private static async Task RecordImportAsync(
        NpgsqlConnection c, NpgsqlTransaction transaction, long tid, bool isNew, long[] ids, CancellationToken ct)
    {
        const string now = "extract(epoch from clock_timestamp())::double precision";
        const string thread = $"""
            INSERT INTO parley_events (type, created, by, tid, uri, title)
            SELECT 'thread.created', {now}, 'import', id, uri, title FROM threads WHERE id = @tid
            """;
        const string comments = $"""
            INSERT INTO parley_events (type, created, by, tid, uri, title, comment_id, parent, comment_created, modified, mode,
                                       text, author, website, likes, dislikes)
            SELECT 'comment.created', {now}, 'import', t.id, t.uri, t.title, c.id, c.parent, c.created, c.modified, c.mode,
                   c.text, c.author, c.website, c.likes, c.dislikes
            FROM comments c JOIN threads t ON c.tid = t.id
            WHERE c.id BETWEEN @first AND @last ORDER BY c.id
            """;
        if (isNew)
        {
            await c.ExecuteAsync(new CommandDefinition(thread, new { tid }, transaction, cancellationToken: ct));
        }
        if (ids.Length > 0)
        {
            await c.ExecuteAsync(new CommandDefinition(comments, new { first = ids[0], last = ids[^1] }, transaction, cancellationToken: ct));
        }
    }

    public Task<IReadOnlyList<ExportedThread>> ExportAsync(CancellationToken ct = default)
    {
        const string threads = $"SELECT {ThreadColumns} FROM threads ORDER BY id";
        const string comments = $"SELECT {CommentColumns} FROM comments c ORDER BY c.id";
        // One snapshot for both reads, so a comment never names a thread the export lacks.
        return ReadSnapshotAsync(() => ReadAsync<IReadOnlyList<ExportedThread>>(async c =>
        {
            var threadRows = new List<CommentThread>();
            await using (var reader = await c.ExecuteReaderAsync(new CommandDefinition(threads, cancellationToken: ct)))
            {
                while (await reader.ReadAsync(ct))
                {
                    threadRows.Add(ReadThread(reader));
                }
            }
            var byThread = (await QueryCommentsAsync(c, comments, new { }, ct)).ToLookup(comment => comment.Tid);
            return [.. threadRows.Select(t => new ExportedThread(t, [.. byThread[t.Id]]))];
        }, ct), ct);
    }
}
