using Dapper;
using Parley.Core.Comments;

namespace Parley.Storage.Postgres;

/// <summary>Deleting and purging, with Isso's placeholder cleanup (behaviour.md §7, storage.md §5).</summary>
internal sealed partial class PostgresWriteScope
{
    public async Task<Comment?> DeleteCommentAsync(long id, CancellationToken ct = default)
    {
        const string isReferenced = "SELECT EXISTS (SELECT 1 FROM comments WHERE parent = @id)";
        const string toPlaceholder = "UPDATE comments SET text = '', mode = 4, author = NULL, website = NULL WHERE id = @id";
        const string delete = "DELETE FROM comments WHERE id = @id";
        // The deleted comment may be the highest, whose id SQLite would give out again.
        _threads.Clear();
        _lastCommentId = null;
        var keep = await wire.ExecuteScalarAsync<bool>(await CommandAsync(isReferenced, new { id }, ct));
        await wire.ExecuteAsync(await CommandAsync(keep ? toPlaceholder : delete, new { id }, ct));
        await RemoveOrphanedPlaceholdersAsync(ct);
        return keep ? await GetCommentAsync(id, ct) : null;
    }

    public async Task<IReadOnlyList<(Comment Comment, CommentThread Thread)>> AllCommentsAsync(CancellationToken ct = default)
    {
        const string sql = $"""
            SELECT {PostgresCommentStore.CommentColumns}, t.uri, t.title
            FROM comments c LEFT JOIN threads t ON t.id = c.tid ORDER BY c.id
            """;
        await using var reader = await wire.ExecuteReaderAsync(await CommandAsync(sql, null, ct));
        var all = new List<(Comment, CommentThread)>();
        while (await reader.ReadAsync(ct))
        {
            var comment = CommentRows.Read(reader);
            var uri = reader.IsDBNull(CommentRows.Width) ? "" : reader.GetString(CommentRows.Width);
            var title = reader.IsDBNull(CommentRows.Width + 1) ? null : reader.GetString(CommentRows.Width + 1);
            all.Add((comment, new CommentThread(comment.Tid, uri, title)));
        }
        return all;
    }

    public async Task DeleteEverythingAsync(CancellationToken ct = default)
    {
        _threads.Clear();
        _lastCommentId = null;
        // The trigger removes the threads once their comments are gone; the session key stays.
        await wire.ExecuteAsync(await CommandAsync("DELETE FROM comments; DELETE FROM threads", null, ct));
    }

    public async Task<IReadOnlyList<Comment>> PendingBeforeAsync(double createdBefore, CancellationToken ct = default)
    {
        const string sql = $"SELECT {PostgresCommentStore.CommentColumns} FROM comments c WHERE c.mode = 2 AND c.created < @createdBefore ORDER BY c.id";
        await using var reader = await wire.ExecuteReaderAsync(await CommandAsync(sql, new { createdBefore }, ct));
        return await CommentRows.ReadAllAsync(reader, ct);
    }

    // Removing a placeholder can orphan nothing else today (nesting is one level), but Isso loops until stable, and so
    // does this. The trigger then drops threads left without comments.
    private async Task RemoveOrphanedPlaceholdersAsync(CancellationToken ct)
    {
        const string sql = """
            DELETE FROM comments c
            WHERE c.mode = 4 AND NOT EXISTS (SELECT 1 FROM comments r WHERE r.parent = c.id)
            """;
        while (await wire.ExecuteAsync(await CommandAsync(sql, null, ct)) > 0)
        {
        }
    }
}
