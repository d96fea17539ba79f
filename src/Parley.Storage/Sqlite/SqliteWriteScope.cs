using Dapper;
using Microsoft.Data.Sqlite;
using Parley.Core.Comments;
using Parley.Core.Storage;

namespace Parley.Storage.Sqlite;

/// <summary>
/// <see cref="IWriteScope"/> on the writer connection, inside the transaction <see cref="SqliteWriter"/> opened.
/// Commands run without a transaction object: the transaction is a plain <c>BEGIN</c> on the connection.
/// </summary>
internal sealed partial class SqliteWriteScope(SqliteConnection connection) : IWriteScope
{
    public SqliteConnection Connection => connection;

    public Task<CommentThread?> GetThreadAsync(string uri, CancellationToken ct = default) =>
        SqliteCommentStore.GetThreadAsync(connection, uri, ct);

    public Task<CommentThread?> GetThreadByIdAsync(long id, CancellationToken ct = default) =>
        SqliteCommentStore.GetThreadByIdAsync(connection, id, ct);

    public async Task<CommentThread> InsertThreadAsync(string uri, string? title, CancellationToken ct = default)
    {
        const string sql = "INSERT INTO threads (uri, title) VALUES (@uri, @title) RETURNING id";
        var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(sql, new { uri, title }, cancellationToken: ct));
        return new CommentThread(id, uri, title);
    }

    public Task<Comment?> GetCommentAsync(long id, CancellationToken ct = default) =>
        SqliteCommentStore.GetCommentAsync(connection, id, null, ct);

    public async Task<Comment> InsertCommentAsync(Comment comment, CancellationToken ct = default)
    {
        // id NULL: SQLite assigns max(rowid) + 1, as Isso relies on.
        const string sql = """
            INSERT INTO comments (tid, id, parent, created, modified, mode, remote_addr, text,
                                  author, email, website, likes, dislikes, voters, notification)
            VALUES (@Tid, NULL, @Parent, @Created, @Modified, @Mode, @RemoteAddr, @Text,
                    @Author, @Email, @Website, @Likes, @Dislikes, @Voters, @Notification)
            RETURNING id
            """;
        var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(sql, comment, cancellationToken: ct));
        return await GetCommentAsync(id, ct) ?? throw new InvalidOperationException("The comment just inserted is missing.");
    }

    public Task UpdateCommentAsync(Comment comment, CancellationToken ct = default)
    {
        const string sql = """
            UPDATE comments
            SET mode = @Mode, text = @Text, author = @Author, email = @Email, website = @Website,
                modified = @Modified, notification = @Notification
            WHERE id = @Id
            """;
        return connection.ExecuteAsync(new CommandDefinition(sql, comment, cancellationToken: ct));
    }

    public async Task<bool> ActivateAsync(long id, CancellationToken ct = default)
    {
        const string sql = "UPDATE comments SET mode = 1 WHERE id = @id AND mode = 2";
        return await connection.ExecuteAsync(new CommandDefinition(sql, new { id }, cancellationToken: ct)) > 0;
    }

    public Task RecordVoteAsync(long id, bool upvote, byte[] voters, CancellationToken ct = default)
    {
        const string sql = """
            UPDATE comments
            SET likes = coalesce(likes, 0) + @up, dislikes = coalesce(dislikes, 0) + @down, voters = @voters
            WHERE id = @id
            """;
        return connection.ExecuteAsync(new CommandDefinition(sql, new { id, up = upvote ? 1 : 0, down = upvote ? 0 : 1, voters }, cancellationToken: ct));
    }

    public Task<int> UnsubscribeAsync(string email, long id, CancellationToken ct = default)
    {
        const string sql = "UPDATE comments SET notification = 0 WHERE email = @email AND (id = @id OR parent = @id)";
        return connection.ExecuteAsync(new CommandDefinition(sql, new { email, id }, cancellationToken: ct));
    }
}
