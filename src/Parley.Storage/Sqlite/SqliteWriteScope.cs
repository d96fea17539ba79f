using Dapper;
using Microsoft.Data.Sqlite;
using Parley.Core.Comments;
using Parley.Core.Storage;

namespace Parley.Storage.Sqlite;

/// <summary>
/// <see cref="IWriteScope"/> on the writer connection, inside the transaction <see cref="SqliteWriter"/> opened.
/// Commands run without a transaction object: the transaction is a plain <c>BEGIN</c> on the connection.
/// </summary>
internal sealed partial class SqliteWriteScope(SqliteConnection connection, PreparedStatements statements) : IWriteScope
{
    // The comment columns of RETURNING: those of SqliteCommentStore.CommentColumns, without the table alias.
    private static readonly string ReturnedComment = SqliteCommentStore.CommentColumns.Replace("c.", "", StringComparison.Ordinal);

    public SqliteConnection Connection => connection;

    public PreparedStatements Statements => statements;

    public async Task<CommentThread?> GetThreadAsync(string uri, CancellationToken ct = default)
    {
        const string sql = "SELECT id, CAST(uri AS TEXT), CAST(title AS TEXT) FROM threads WHERE uri = $uri";
        var command = statements.Get(sql);
        command.Parameters.AddWithValue("$uri", uri);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct)
            ? new CommentThread(reader.GetInt64(0), reader.IsDBNull(1) ? "" : reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2))
            : null;
    }

    public Task<CommentThread?> GetThreadByIdAsync(long id, CancellationToken ct = default) =>
        SqliteCommentStore.GetThreadByIdAsync(connection, id, ct);

    public async Task<CommentThread> InsertThreadAsync(string uri, string? title, CancellationToken ct = default)
    {
        const string sql = "INSERT INTO threads (uri, title) VALUES (@uri, @title) RETURNING id";
        var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(sql, new { uri, title }, cancellationToken: ct));
        return new CommentThread(id, uri, title);
    }

    public async Task<Comment?> GetCommentAsync(long id, CancellationToken ct = default)
    {
        var command = statements.Get($"SELECT {SqliteCommentStore.CommentColumns} FROM comments c WHERE c.id = $id");
        command.Parameters.AddWithValue("$id", id);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return reader.Parse<Comment>().FirstOrDefault();
    }

    public async Task<Comment> InsertCommentAsync(Comment comment, CancellationToken ct = default)
    {
        // id NULL: SQLite assigns max(rowid) + 1, as Isso relies on.
        var command = statements.Get($"""
            INSERT INTO comments (tid, id, parent, created, modified, mode, remote_addr, text,
                                  author, email, website, likes, dislikes, voters, notification)
            VALUES ($tid, NULL, $parent, $created, $modified, $mode, $remote_addr, $text,
                    $author, $email, $website, $likes, $dislikes, $voters, $notification)
            RETURNING {ReturnedComment}
            """);
        var values = command.Parameters;
        values.AddWithValue("$tid", comment.Tid);
        values.AddWithValue("$parent", Db(comment.Parent));
        values.AddWithValue("$created", comment.Created);
        values.AddWithValue("$modified", Db(comment.Modified));
        values.AddWithValue("$mode", comment.Mode);
        values.AddWithValue("$remote_addr", Db(comment.RemoteAddr));
        values.AddWithValue("$text", comment.Text);
        values.AddWithValue("$author", Db(comment.Author));
        values.AddWithValue("$email", Db(comment.Email));
        values.AddWithValue("$website", Db(comment.Website));
        values.AddWithValue("$likes", comment.Likes);
        values.AddWithValue("$dislikes", comment.Dislikes);
        values.AddWithValue("$voters", comment.Voters);
        values.AddWithValue("$notification", Db(comment.Notification));
        await using var reader = await command.ExecuteReaderAsync(ct);
        return reader.Parse<Comment>().FirstOrDefault() ?? throw new InvalidOperationException("The comment just inserted is missing.");
    }

    internal static object Db<T>(T? value) => value is null ? DBNull.Value : value;

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
        // Kept prepared: a vote is the most frequent write after a new comment, and the update compiles the triggers too.
        var command = statements.Get("""
            UPDATE comments
            SET likes = coalesce(likes, 0) + $up, dislikes = coalesce(dislikes, 0) + $down, voters = $voters
            WHERE id = $id
            """);
        var values = command.Parameters;
        values.AddWithValue("$id", id);
        values.AddWithValue("$up", upvote ? 1 : 0);
        values.AddWithValue("$down", upvote ? 0 : 1);
        values.AddWithValue("$voters", voters);
        return command.ExecuteNonQueryAsync(ct);
    }

    public Task<int> UnsubscribeAsync(string email, long id, CancellationToken ct = default)
    {
        const string sql = "UPDATE comments SET notification = 0 WHERE email = @email AND (id = @id OR parent = @id)";
        return connection.ExecuteAsync(new CommandDefinition(sql, new { email, id }, cancellationToken: ct));
    }

    public Task<int> UnsubscribeThreadAsync(string email, long id, CancellationToken ct = default)
    {
        const string sql = "UPDATE comments SET notification = 0 WHERE email = @email AND tid = (SELECT tid FROM comments WHERE id = @id)";
        return connection.ExecuteAsync(new CommandDefinition(sql, new { email, id }, cancellationToken: ct));
    }
}
