using System.Data.Common;
using System.Runtime.CompilerServices;
using Dapper;
using Npgsql;
using Parley.Core.Comments;
using Parley.Core.Storage;

namespace Parley.Storage.Postgres;

/// <summary>How comments and threads are read.</summary>
public sealed partial class PostgresCommentStore
{
    // In CommentRows' order. Isso's columns may hold NULL where Parley never writes one.
    internal const string CommentColumns = """
        c.tid AS Tid, c.id AS Id, c.parent AS Parent, c.created AS Created, c.modified AS Modified,
        coalesce(c.mode, 0) AS Mode, c.remote_addr AS RemoteAddr, c.text AS Text, c.author AS Author, c.email AS Email,
        c.website AS Website, coalesce(c.likes, 0) AS Likes, coalesce(c.dislikes, 0) AS Dislikes, c.voters AS Voters,
        c.notification AS Notification
        """;

    // What a listing query selects first (see ListThreadAsync): each row's id and version, 0 for rows never changed.
    private const string RowKey = "c.id, coalesce(v.seq, 0)";

    private const string JoinRowVersions = "LEFT JOIN parley_row_versions v ON v.cid = c.id";

    private const string ThreadColumns = "id, uri, title";

    public Task<CommentThread?> GetThreadAsync(string uri, CancellationToken ct = default) =>
        ReadAsync(c => GetThreadAsync(c, uri, ct), ct);

    public Task<CommentThread?> GetThreadByIdAsync(long id, CancellationToken ct = default) =>
        ReadAsync(c => GetThreadByIdAsync(c, id, ct), ct);

    public Task<Comment?> GetCommentAsync(long id, CancellationToken ct = default) =>
        ReadAsync(c => GetCommentAsync(c, id, ct), ct);

    internal const string ThreadByUri = $"SELECT {ThreadColumns} FROM threads WHERE uri = @uri";

    internal const string ThreadById = $"SELECT {ThreadColumns} FROM threads WHERE id = @id";

    internal const string CommentById = $"SELECT {CommentColumns} FROM comments c WHERE c.id = @id";

    internal static Task<CommentThread?> GetThreadAsync(NpgsqlConnection connection, string uri, CancellationToken ct) =>
        ReadThreadAsync(connection, new CommandDefinition(ThreadByUri, new { uri }, cancellationToken: ct));

    internal static Task<CommentThread?> GetThreadByIdAsync(NpgsqlConnection connection, long id, CancellationToken ct) =>
        ReadThreadAsync(connection, new CommandDefinition(ThreadById, new { id }, cancellationToken: ct));

    internal static async Task<CommentThread?> ReadThreadAsync(NpgsqlConnection connection, CommandDefinition query)
    {
        await using var reader = await connection.ExecuteReaderAsync(query);
        return await reader.ReadAsync(query.CancellationToken) ? ReadThread(reader) : null;
    }

    private static CommentThread ReadThread(DbDataReader reader) =>
        new(reader.GetInt64(0), reader.IsDBNull(1) ? "" : reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2));

    internal static Task<Comment?> GetCommentAsync(NpgsqlConnection connection, long id, CancellationToken ct) =>
        ReadCommentAsync(connection, new CommandDefinition(CommentById, new { id }, cancellationToken: ct));

    internal static async Task<Comment?> ReadCommentAsync(NpgsqlConnection connection, CommandDefinition query)
    {
        await using var reader = await connection.ExecuteReaderAsync(query);
        return await CommentRows.ReadFirstAsync(reader, query.CancellationToken);
    }

    private static async Task<IReadOnlyList<Comment>> QueryCommentsAsync(
        NpgsqlConnection connection, string sql, object parameters, CancellationToken ct)
    {
        await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(sql, parameters, cancellationToken: ct));
        return await CommentRows.ReadAllAsync(reader, ct);
    }

    // A listing query: RowKey, the parent and whether the row passes the time filter; no row is read in full.
    private static async Task<IReadOnlyList<ListedComment>> QueryListedAsync(
        NpgsqlConnection connection, string sql, object parameters, CancellationToken ct)
    {
        var rows = await connection.QueryAsync<(long Id, long Version, long? Parent, bool After)>(
            new CommandDefinition(sql, parameters, cancellationToken: ct));
        return [.. rows.Select(r => new ListedComment(r.Id, r.Parent, r.After, r.Version))];
    }

    // The rows of the given ids with their versions, read in full in one query (see KnownRows).
    private static async IAsyncEnumerable<(long Version, Comment Row)> ReadRowsAsync(NpgsqlConnection connection,
        IReadOnlyCollection<long> ids, [EnumeratorCancellation] CancellationToken ct)
    {
        const string byIds = $"""
            SELECT {CommentColumns}, coalesce(v.seq, 0)
            FROM comments c {JoinRowVersions}
            WHERE c.id = ANY(@ids)
            """;
        await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(byIds, new { ids = ids.ToArray() }, cancellationToken: ct));
        while (await reader.ReadAsync(ct))
        {
            yield return (reader.GetInt64(CommentRows.Width), CommentRows.Read(reader));
        }
    }
}
