using Parley.Core.Comments;

namespace Parley.Storage.Sqlite;

/// <summary>Who hears about replies, and about every comment of a thread.</summary>
public sealed partial class SqliteCommentStore
{
    public Task<IReadOnlyList<Comment>> ConversationAsync(long parent, CancellationToken ct = default)
    {
        const string replies = $"SELECT {CommentColumns} FROM comments c WHERE c.parent = @parent AND c.mode = 1 ORDER BY c.id";
        return ReadAsync<IReadOnlyList<Comment>>(async c =>
        {
            var head = await GetCommentAsync(c, parent, null, ct);
            var rest = await QueryCommentsAsync(c, replies, new { parent }, ct);
            return head is null ? rest : [head, .. rest];
        }, ct);
    }

    public Task<IReadOnlyList<Comment>> ThreadSubscribersAsync(long tid, CancellationToken ct = default)
    {
        const string sql = $"SELECT {CommentColumns} FROM comments c WHERE c.tid = @tid AND c.notification = 2 AND c.mode = 1 ORDER BY c.id";
        return ReadAsync(c => QueryCommentsAsync(c, sql, new { tid }, ct), ct);
    }
}
