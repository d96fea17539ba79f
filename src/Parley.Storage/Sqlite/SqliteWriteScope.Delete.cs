using Dapper;
using Parley.Core.Comments;

namespace Parley.Storage.Sqlite;

/// <summary>Deleting and purging, with Isso's placeholder cleanup (behaviour.md §7, storage.md §5).</summary>
internal sealed partial class SqliteWriteScope
{
    public async Task<Comment?> DeleteCommentAsync(long id, CancellationToken ct = default)
    {
        const string isReferenced = "SELECT EXISTS (SELECT 1 FROM comments WHERE parent = @id)";
        const string toPlaceholder = "UPDATE comments SET text = '', mode = 4, author = NULL, website = NULL WHERE id = @id";
        const string delete = "DELETE FROM comments WHERE id = @id";
        var keep = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(isReferenced, new { id }, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(keep ? toPlaceholder : delete, new { id }, cancellationToken: ct));
        await RemoveOrphanedPlaceholdersAsync(ct);
        return keep ? await GetCommentAsync(id, ct) : null;
    }

    public async Task<IReadOnlyList<(Comment Comment, CommentThread Thread)>> AllCommentsAsync(CancellationToken ct = default)
    {
        const string sql = $"SELECT {SqliteCommentStore.CommentColumns} FROM comments c ORDER BY c.id";
        var comments = await connection.QueryAsync<Comment>(new CommandDefinition(sql, cancellationToken: ct));
        var threads = new Dictionary<long, CommentThread>();
        var all = new List<(Comment, CommentThread)>();
        foreach (var comment in comments)
        {
            if (!threads.TryGetValue(comment.Tid, out var thread))
            {
                thread = await GetThreadByIdAsync(comment.Tid, ct) ?? new CommentThread(comment.Tid, "", null);
                threads.Add(comment.Tid, thread);
            }
            all.Add((comment, thread));
        }
        return all;
    }

    public Task DeleteEverythingAsync(CancellationToken ct = default) =>
        // The trigger removes the threads once their comments are gone; the session key stays.
        connection.ExecuteAsync(new CommandDefinition("DELETE FROM comments; DELETE FROM threads", cancellationToken: ct));

    public async Task<IReadOnlyList<Comment>> PendingBeforeAsync(double createdBefore, CancellationToken ct = default)
    {
        const string sql = $"SELECT {SqliteCommentStore.CommentColumns} FROM comments c WHERE c.mode = 2 AND c.created < @createdBefore ORDER BY c.id";
        return (await connection.QueryAsync<Comment>(new CommandDefinition(sql, new { createdBefore }, cancellationToken: ct))).AsList();
    }

    // Removing a placeholder can orphan nothing else today (nesting is one level), but Isso loops
    // until stable, and so does this. The trigger then drops threads left without comments.
    private async Task RemoveOrphanedPlaceholdersAsync(CancellationToken ct)
    {
        const string sql = """
            DELETE FROM comments
            WHERE mode = 4 AND id NOT IN (SELECT parent FROM comments WHERE parent IS NOT NULL)
            """;
        while (await connection.ExecuteAsync(new CommandDefinition(sql, cancellationToken: ct)) > 0)
        {
        }
    }
}
