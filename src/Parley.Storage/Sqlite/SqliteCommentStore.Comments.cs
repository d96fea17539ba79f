using Dapper;
using Parley.Core.Comments;

namespace Parley.Storage.Sqlite;

/// <summary>Single-comment reads and writes.</summary>
public sealed partial class SqliteCommentStore
{
    public Task<Comment?> GetCommentAsync(long id, CancellationToken ct = default) =>
        ReadAsync(c => GetCommentAsync(c, id, null, ct), ct);

    public Task<Comment> InsertCommentAsync(Comment comment, CancellationToken ct = default)
    {
        // id NULL: SQLite assigns max(rowid) + 1, as Isso relies on.
        const string sql = """
            INSERT INTO comments (tid, id, parent, created, modified, mode, remote_addr, text,
                                  author, email, website, likes, dislikes, voters, notification)
            VALUES (@Tid, NULL, @Parent, @Created, @Modified, @Mode, @RemoteAddr, @Text,
                    @Author, @Email, @Website, @Likes, @Dislikes, @Voters, @Notification)
            RETURNING id
            """;
        return WriteAsync(async c =>
        {
            var id = await c.ExecuteScalarAsync<long>(new CommandDefinition(sql, comment, cancellationToken: ct));
            return await GetCommentAsync(c, id, null, ct)
                ?? throw new InvalidOperationException("The comment just inserted is missing.");
        }, ct);
    }

    public Task UpdateCommentAsync(Comment comment, CancellationToken ct = default)
    {
        const string sql = """
            UPDATE comments
            SET mode = @Mode, text = @Text, author = @Author, email = @Email, website = @Website,
                modified = @Modified, notification = @Notification
            WHERE id = @Id
            """;
        return WriteAsync(c => c.ExecuteAsync(new CommandDefinition(sql, comment, cancellationToken: ct)), ct);
    }

    public Task<bool> ActivateAsync(long id, CancellationToken ct = default)
    {
        const string sql = "UPDATE comments SET mode = 1 WHERE id = @id AND mode = 2";
        return WriteAsync(async c =>
            await c.ExecuteAsync(new CommandDefinition(sql, new { id }, cancellationToken: ct)) > 0, ct);
    }

    public Task RecordVoteAsync(long id, bool upvote, byte[] voters, CancellationToken ct = default)
    {
        const string sql = """
            UPDATE comments
            SET likes = coalesce(likes, 0) + @up, dislikes = coalesce(dislikes, 0) + @down, voters = @voters
            WHERE id = @id
            """;
        var parameters = new { id, up = upvote ? 1 : 0, down = upvote ? 0 : 1, voters };
        return WriteAsync(c => c.ExecuteAsync(new CommandDefinition(sql, parameters, cancellationToken: ct)), ct);
    }

    public Task<int> UnsubscribeAsync(string email, long id, CancellationToken ct = default)
    {
        const string sql = """
            UPDATE comments SET notification = 0
            WHERE email = @email AND (id = @id OR parent = @id)
            """;
        return WriteAsync(c => c.ExecuteAsync(new CommandDefinition(sql, new { email, id }, cancellationToken: ct)), ct);
    }
}
