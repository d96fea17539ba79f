using Dapper;
using Npgsql;
using Parley.Core.Comments;
using Parley.Core.Storage;

namespace Parley.Storage.Postgres;

/// <summary>
/// <see cref="IWriteScope"/> on the writer connection, inside the transaction <see cref="PostgresWriter"/> opened (a plain
/// <c>BEGIN</c>, so commands run without a transaction object). Every command goes out through <see cref="Command"/>.
/// </summary>
internal sealed partial class PostgresWriteScope(NpgsqlConnection wire) : IWriteScope
{
    // The comment columns of RETURNING: those of PostgresCommentStore.CommentColumns, without the table alias.
    private static readonly string ReturnedComment = PostgresCommentStore.CommentColumns.Replace("c.", "", StringComparison.Ordinal);

    // Threads this transaction has seen, by uri: a busy thread's writes in one batch look it up once. Every write of
    // every instance runs under the write lock, and only a deletion of comments (its trigger) removes a thread, so an
    // entry holds until the transaction ends, a write is undone or comments are deleted.
    private readonly Dictionary<string, CommentThread> _threads = new(StringComparer.Ordinal);

    public async Task<CommentThread?> GetThreadAsync(string uri, CancellationToken ct = default)
    {
        if (_threads.TryGetValue(uri, out var known))
        {
            return known;
        }
        var thread = await PostgresCommentStore.ReadThreadAsync(wire,
            Command(PostgresCommentStore.ThreadByUri, new { uri }, ct));
        if (thread is not null)
        {
            _threads[uri] = thread;
        }
        return thread;
    }

    public Task<CommentThread?> GetThreadByIdAsync(long id, CancellationToken ct = default) =>
        PostgresCommentStore.ReadThreadAsync(wire,
            Command(PostgresCommentStore.ThreadById, new { id }, ct));

    public async Task<CommentThread> InsertThreadAsync(string uri, string? title, CancellationToken ct = default)
    {
        // Ids as SQLite gives them (the highest plus one), which Isso's data and tests rely on; writes run one at a time.
        const string sql = """
            INSERT INTO threads (id, uri, title) VALUES ((SELECT coalesce(max(id), 0) + 1 FROM threads), @uri, @title)
            RETURNING id
            """;
        var id = await wire.ExecuteScalarAsync<long>(Command(sql, new { uri, title }, ct));
        var thread = new CommentThread(id, uri, title);
        _threads[uri] = thread;
        return thread;
    }

    public Task<Comment?> GetCommentAsync(long id, CancellationToken ct = default) =>
        PostgresCommentStore.ReadCommentAsync(wire,
            Command(PostgresCommentStore.CommentById, new { id }, ct));

    public async Task<Comment> InsertCommentAsync(Comment comment, CancellationToken ct = default)
    {
        var sql = $"""
            INSERT INTO comments (tid, id, parent, created, modified, mode, remote_addr, text,
                                  author, email, website, likes, dislikes, voters, notification)
            VALUES (@Tid, (SELECT coalesce(max(id), 0) + 1 FROM comments), @Parent, @Created, @Modified, @Mode, @RemoteAddr, @Text,
                    @Author, @Email, @Website, @Likes, @Dislikes, @Voters, @Notification)
            RETURNING {ReturnedComment}
            """;
        await using var reader = await wire.ExecuteReaderAsync(Command(sql, comment, ct));
        return await CommentRows.ReadFirstAsync(reader, ct)
            ?? throw new InvalidOperationException("The comment just inserted is missing.");
    }

    public Task UpdateCommentAsync(Comment comment, CancellationToken ct = default)
    {
        const string sql = """
            UPDATE comments
            SET mode = @Mode, text = @Text, author = @Author, email = @Email, website = @Website,
                modified = @Modified, notification = @Notification
            WHERE id = @Id
            """;
        return wire.ExecuteAsync(Command(sql, comment, ct));
    }

    public async Task<bool> ActivateAsync(long id, CancellationToken ct = default)
    {
        const string sql = "UPDATE comments SET mode = 1 WHERE id = @id AND mode = 2";
        return await wire.ExecuteAsync(Command(sql, new { id }, ct)) > 0;
    }

    public Task RecordVoteAsync(long id, bool upvote, byte[] voters, CancellationToken ct = default)
    {
        const string sql = """
            UPDATE comments
            SET likes = coalesce(likes, 0) + @up, dislikes = coalesce(dislikes, 0) + @down, voters = @voters
            WHERE id = @id
            """;
        return wire.ExecuteAsync(Command(
            sql, new { id, up = upvote ? 1L : 0L, down = upvote ? 0L : 1L, voters }, ct));
    }

    public Task<int> UnsubscribeAsync(string email, long id, CancellationToken ct = default)
    {
        const string sql = "UPDATE comments SET notification = 0 WHERE email = @email AND (id = @id OR parent = @id)";
        return wire.ExecuteAsync(Command(sql, new { email, id }, ct));
    }
}
