using Dapper;
using Npgsql;
using Parley.Core.Comments;
using Parley.Core.Storage;

namespace Parley.Storage.Postgres;

/// <summary>
/// <see cref="IWriteScope"/> on the writer connection, inside the transaction <see cref="PostgresWriter"/> opened (a plain
/// <c>BEGIN</c>, so commands run without a transaction object). Every command goes out through <see cref="CommandAsync"/>.
/// </summary>
internal sealed partial class PostgresWriteScope(NpgsqlConnection wire) : IWriteScope
{
    private const string LastCommentId = "SELECT coalesce(max(id), 0) AS last_comment FROM comments";

    private const string InsertComment = """
        INSERT INTO comments (tid, id, parent, created, modified, mode, remote_addr, text,
                              author, email, website, likes, dislikes, voters, notification)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
        """;

    // Comment rows not sent yet, in order, and how many of them earlier writes of the batch left (see SendHeldAsync).
    private readonly List<NpgsqlBatchCommand> _held = [];
    private int _heldBeforeWrite;

    // The highest comment id in this transaction; null when unknown (after a deletion, or SQL this scope did not write).
    private long? _lastCommentId;
    private long? _lastCommentIdBeforeWrite;

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
            await CommandAsync(PostgresCommentStore.ThreadByUri, new { uri }, ct));
        if (thread is not null)
        {
            _threads[uri] = thread;
        }
        return thread;
    }

    public async Task<CommentThread?> GetThreadByIdAsync(long id, CancellationToken ct = default) =>
        await PostgresCommentStore.ReadThreadAsync(wire,
            await CommandAsync(PostgresCommentStore.ThreadById, new { id }, ct));

    public async Task<CommentThread> InsertThreadAsync(string uri, string? title, CancellationToken ct = default)
    {
        // Ids as SQLite gives them (the highest plus one), which Isso's data and tests rely on; writes run one at a time.
        const string sql = """
            INSERT INTO threads (id, uri, title) VALUES ((SELECT coalesce(max(id), 0) + 1 FROM threads), @uri, @title)
            RETURNING id
            """;
        var id = await wire.ExecuteScalarAsync<long>(await CommandAsync(sql, new { uri, title }, ct));
        var thread = new CommentThread(id, uri, title);
        _threads[uri] = thread;
        return thread;
    }

    public async Task<Comment?> GetCommentAsync(long id, CancellationToken ct = default) =>
        await PostgresCommentStore.ReadCommentAsync(wire,
            await CommandAsync(PostgresCommentStore.CommentById, new { id }, ct));

    /// <summary>
    /// A new comment is held and sent with the commit (or with the next command that needs an answer): nothing in the
    /// write waits for it. Its id is the highest plus one, as SQLite gives it and Isso's data relies on, counted here
    /// from the highest at the start of the transaction: every writer of every instance holds the write lock.
    /// </summary>
    public async Task<Comment> InsertCommentAsync(Comment comment, CancellationToken ct = default)
    {
        _lastCommentId ??= await wire.ExecuteScalarAsync<long>(await CommandAsync(LastCommentId, null, ct));
        _lastCommentId += 1;
        var stored = comment with { Id = _lastCommentId.Value };
        _held.Add(Row(InsertComment,
            stored.Tid, stored.Id, stored.Parent, stored.Created, stored.Modified, (long)stored.Mode, stored.RemoteAddr,
            stored.Text, stored.Author, stored.Email, stored.Website, stored.Likes, stored.Dislikes, stored.Voters,
            stored.Notification));
        return stored;
    }

    public async Task UpdateCommentAsync(Comment comment, CancellationToken ct = default)
    {
        const string sql = """
            UPDATE comments
            SET mode = @Mode, text = @Text, author = @Author, email = @Email, website = @Website,
                modified = @Modified, notification = @Notification
            WHERE id = @Id
            """;
        await wire.ExecuteAsync(await CommandAsync(sql, comment, ct));
    }

    public async Task<bool> ActivateAsync(long id, CancellationToken ct = default)
    {
        const string sql = "UPDATE comments SET mode = 1 WHERE id = @id AND mode = 2";
        return await wire.ExecuteAsync(await CommandAsync(sql, new { id }, ct)) > 0;
    }

    public async Task RecordVoteAsync(long id, bool upvote, byte[] voters, CancellationToken ct = default)
    {
        const string sql = """
            UPDATE comments
            SET likes = coalesce(likes, 0) + @up, dislikes = coalesce(dislikes, 0) + @down, voters = @voters
            WHERE id = @id
            """;
        await wire.ExecuteAsync(await CommandAsync(
            sql, new { id, up = upvote ? 1L : 0L, down = upvote ? 0L : 1L, voters }, ct));
    }

    public async Task<int> UnsubscribeAsync(string email, long id, CancellationToken ct = default)
    {
        const string sql = "UPDATE comments SET notification = 0 WHERE email = @email AND (id = @id OR parent = @id)";
        return await wire.ExecuteAsync(await CommandAsync(sql, new { email, id }, ct));
    }

    public async Task<int> UnsubscribeThreadAsync(string email, long id, CancellationToken ct = default)
    {
        const string sql = "UPDATE comments SET notification = 0 WHERE email = @email AND tid = (SELECT tid FROM comments WHERE id = @id)";
        return await wire.ExecuteAsync(await CommandAsync(sql, new { email, id }, ct));
    }
}
