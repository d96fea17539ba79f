using Dapper;
using Microsoft.Data.Sqlite;
using Parley.Core.Comments;
using Parley.Core.Import;
using Parley.Core.Security;
using Parley.Core.Storage;

namespace Parley.Storage.Sqlite;

/// <summary>Bulk import in one transaction, and the full read behind export.</summary>
public sealed partial class SqliteCommentStore
{
    public Task<ImportCounts> ImportAsync(IReadOnlyList<ImportedThread> threads, IProgress<int>? progress = null, CancellationToken ct = default)
    {
        return WriteAsync(async c =>
        {
            await using var transaction = (SqliteTransaction)await c.BeginTransactionAsync(ct);
            int created = 0, reused = 0, inserted = 0;
            foreach (var thread in threads)
            {
                var (tid, isNew) = await ImportThreadAsync(c, transaction, thread, ct);
                created += isNew ? 1 : 0;
                reused += isNew ? 0 : 1;
                // Parents are linked in a second pass so a reply may come before its parent in the file.
                var ids = new long[thread.Comments.Count];
                for (var i = 0; i < ids.Length; i++)
                {
                    ids[i] = await InsertImportedAsync(c, transaction, tid, thread.Comments[i], ct);
                    inserted++;
                    progress?.Report(inserted);
                }
                await LinkParentsAsync(c, transaction, thread.Comments, ids, ct);
            }
            await transaction.CommitAsync(ct);
            return new ImportCounts(created, reused, inserted);
        }, ct);
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

    private static Task<long> InsertImportedAsync(
        SqliteConnection c, SqliteTransaction transaction, long tid, ImportedComment comment, CancellationToken ct)
    {
        const string sql = """
            INSERT INTO comments (tid, id, parent, created, modified, mode, remote_addr, text,
                                  author, email, website, likes, dislikes, voters, notification)
            VALUES (@tid, NULL, NULL, @Created, @Modified, @Mode, @RemoteAddr, @Text,
                    @Author, @Email, @Website, @Likes, @Dislikes, @voters, @Notification)
            RETURNING id
            """;
        var parameters = new DynamicParameters(comment);
        parameters.Add("tid", tid);
        parameters.Add("voters", comment.Voters ?? VotersFilter.Create(comment.RemoteAddr ?? AddressAnonymizer.Unknown));
        return c.ExecuteScalarAsync<long>(new CommandDefinition(sql, parameters, transaction, cancellationToken: ct));
    }

    private static async Task LinkParentsAsync(SqliteConnection c, SqliteTransaction transaction,
        IReadOnlyList<ImportedComment> comments, long[] ids, CancellationToken ct)
    {
        const string sql = "UPDATE comments SET parent = @parent WHERE id = @id";
        var byKey = new Dictionary<string, long>(StringComparer.Ordinal);
        for (var i = 0; i < ids.Length; i++)
        {
            byKey.TryAdd(comments[i].Key, ids[i]);
        }
        for (var i = 0; i < ids.Length; i++)
        {
            if (comments[i].ParentKey is { } key && byKey.TryGetValue(key, out var parent))
            {
                var args = new { parent, id = ids[i] };
                await c.ExecuteAsync(new CommandDefinition(sql, args, transaction, cancellationToken: ct));
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
