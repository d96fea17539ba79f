using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;
using Parley.Core.Comments;
using Parley.Core.Import;
using Parley.Core.Storage;

namespace Parley.Storage.Sqlite;

/// <summary>Bulk import in one transaction, and the full read behind export.</summary>
public sealed partial class SqliteCommentStore
{
    public Task<ImportCounts> ImportAsync(IReadOnlyList<ImportedThread> threads, IProgress<int>? progress = null, CancellationToken ct = default)
    {
        return ImportOnOwnConnectionAsync(async c =>
        {
            // Every comment touches each of the comment indexes at a random place: with SQLite's default 2 MB page
            // cache a large import spends its time re-reading index pages. The connection goes back to the pool
            // afterwards, so its usual cache size is restored.
            var cacheSize = await c.ExecuteScalarAsync<long>("PRAGMA cache_size");
            await c.ExecuteAsync("PRAGMA cache_size = -65536");
            try
            {
                return await ImportInTransactionAsync(c, threads, progress, ct);
            }
            finally
            {
                await c.ExecuteAsync(string.Create(CultureInfo.InvariantCulture, $"PRAGMA cache_size = {cacheSize}"));
            }
        }, ct);
    }

    // The import holds its transaction for as long as it takes, with statements prepared for it: on a connection of
    // its own, not the writer's (an import runs as a command, not beside a busy server).
    private async Task<ImportCounts> ImportOnOwnConnectionAsync(Func<SqliteConnection, Task<ImportCounts>> import, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        await connection.ExecuteAsync(FormattableString.Invariant($"PRAGMA synchronous = NORMAL; PRAGMA max_page_count = {PageLimit ?? _defaultPageLimit}"));
        return await import(connection);
    }

    private static async Task<ImportCounts> ImportInTransactionAsync(
        SqliteConnection c, IReadOnlyList<ImportedThread> threads, IProgress<int>? progress, CancellationToken ct)
    {
        await using var transaction = (SqliteTransaction)await c.BeginTransactionAsync(ct);
        // Two statements run once per comment: prepared once, only their values change (an import may hold millions).
        using var insert = new ImportInsert(c, transaction);
        using var link = new ParentLink(c, transaction);
        int created = 0, reused = 0, inserted = 0;
        foreach (var thread in threads)
        {
            ct.ThrowIfCancellationRequested();
            var (tid, isNew) = await ImportThreadAsync(c, transaction, thread, ct);
            created += isNew ? 1 : 0;
            reused += isNew ? 0 : 1;
            // Parents are linked in a second pass so a reply may come before its parent in the file.
            var ids = new long[thread.Comments.Count];
            for (var i = 0; i < ids.Length; i++)
            {
                ids[i] = insert.Run(tid, thread.Comments[i]);
                inserted++;
                progress?.Report(inserted);
            }
            LinkParents(link, thread.Comments, ids);
            await RecordImportAsync(c, transaction, tid, isNew, ids, ct);
        }
        await transaction.CommitAsync(ct);
        return new ImportCounts(created, reused, inserted);
    }

    private static async Task<(long Id, bool IsNew)> ImportThreadAsync(
        SqliteConnection c, SqliteTransaction transaction, ImportedThread thread, CancellationToken ct)
    {
        const string insert = "INSERT OR IGNORE INTO threads (uri, title) VALUES (@Uri, @Title)";
        const string select = "SELECT id FROM threads WHERE uri = @Uri";
        var isNew = await c.ExecuteAsync(new CommandDefinition(insert, thread, transaction, cancellationToken: ct)) > 0;
        var id = await c.ExecuteScalarAsync<long>(new CommandDefinition(select, thread, transaction, cancellationToken: ct));
        return (id, isNew);
    }

    // The import's events (by "import"), written with it: the thread when it is new, then each comment as stored.
    // A thread's comments were inserted one after another, so their ids are one range.
    private static async Task RecordImportAsync(
        SqliteConnection c, SqliteTransaction transaction, long tid, bool isNew, long[] ids, CancellationToken ct)
    {
        const string now = "(julianday('now') - 2440587.5) * 86400.0";
        const string thread = $"""
            INSERT INTO parley_events (type, created, by, tid, uri, title)
            SELECT 'thread.created', {now}, 'import', id, uri, title FROM threads WHERE id = @tid
            """;
        const string comments = $"""
            INSERT INTO parley_events (type, created, by, tid, uri, title, comment_id, parent, comment_created, modified, mode,
                                       text, author, website, likes, dislikes)
            SELECT 'comment.created', {now}, 'import', t.id, t.uri, t.title, c.id, c.parent, c.created, c.modified, c.mode,
                   c.text, c.author, c.website, c.likes, c.dislikes
            FROM comments c JOIN threads t ON c.tid = +t.id
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

    private static void LinkParents(ParentLink link, IReadOnlyList<ImportedComment> comments, long[] ids)
    {
        var parents = ImportParents.Resolve(comments, ids);
        for (var i = 0; i < ids.Length; i++)
        {
            if (parents[i] is { } parent)
            {
                link.Run(ids[i], parent);
            }
        }
    }

    public Task<IReadOnlyList<ExportedThread>> ExportAsync(CancellationToken ct = default)
    {
        const string threads = $"SELECT {ThreadColumns} FROM threads ORDER BY id";
        const string comments = $"SELECT {CommentColumns} FROM comments c ORDER BY c.id";
        return ReadAsync(async c =>
        {
            // One snapshot for both reads, so a comment never names a thread the export lacks.
            await using var transaction = (SqliteTransaction)await c.BeginTransactionAsync(ct);
            var threadRows = await c.QueryAsync<ThreadRow>(new CommandDefinition(threads, transaction: transaction, cancellationToken: ct));
            var byThread = (await c.QueryAsync<Comment>(new CommandDefinition(comments, transaction: transaction, cancellationToken: ct)))
                .ToLookup(comment => comment.Tid);
            return (IReadOnlyList<ExportedThread>)threadRows
                .Select(t => new ExportedThread(ToThread(t)!, byThread[t.Id].ToList()))
                .ToList();
        }, ct);
    }
}
