using System.Runtime.CompilerServices;
using System.Text.Json;
using Dapper;
using Microsoft.Data.Sqlite;
using Parley.Core.Comments;

namespace Parley.Storage.Sqlite;

/// <summary>How a comments row becomes a <see cref="Comment"/>.</summary>
public sealed partial class SqliteCommentStore
{
    // Named columns with fixed storage classes: old databases hold odd values (integer times, text
    // notification flags, NULL voters), and the mapper expects one type per column.
    internal const string CommentColumns = """
        CAST(c.tid AS INTEGER) AS Tid,
        c.id AS Id,
        CAST(c.parent AS INTEGER) AS Parent,
        CAST(c.created AS REAL) AS Created,
        CAST(c.modified AS REAL) AS Modified,
        CAST(coalesce(c.mode, 0) AS INTEGER) AS Mode,
        CAST(c.remote_addr AS TEXT) AS RemoteAddr,
        CAST(coalesce(c.text, '') AS TEXT) AS Text,
        CAST(c.author AS TEXT) AS Author,
        CAST(c.email AS TEXT) AS Email,
        CAST(c.website AS TEXT) AS Website,
        CAST(coalesce(c.likes, 0) AS INTEGER) AS Likes,
        CAST(coalesce(c.dislikes, 0) AS INTEGER) AS Dislikes,
        coalesce(CAST(c.voters AS BLOB), x'') AS Voters,
        CASE typeof(c.notification)
            WHEN 'integer' THEN c.notification
            WHEN 'real' THEN CAST(c.notification AS INTEGER)
            ELSE NULL END AS Notification
        """;

    internal static async Task<Comment?> GetCommentAsync(
        SqliteConnection connection, long id, SqliteTransaction? transaction, CancellationToken ct)
    {
        const string sql = $"SELECT {CommentColumns} FROM comments c WHERE c.id = @id";
        return await connection.QuerySingleOrDefaultAsync<Comment>(
            new CommandDefinition(sql, new { id }, transaction, cancellationToken: ct));
    }

    private const string JoinRowVersions = "LEFT JOIN parley_row_versions v ON v.cid = c.id";

    // Lists read many rows, so they are read by position (see CommentRows).
    private static async Task<IReadOnlyList<Comment>> QueryCommentsAsync(
        SqliteConnection connection, string sql, object parameters, CancellationToken ct)
    {
        await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(sql, parameters, cancellationToken: ct));
        return await CommentRows.ReadAllAsync(reader, ct);
    }

    // The rows of the given ids with their versions, read in full in one query (see KnownRows).
    private static async IAsyncEnumerable<(long Version, Comment Row)> ReadRowsAsync(SqliteConnection connection,
        IReadOnlyCollection<long> ids, [EnumeratorCancellation] CancellationToken ct)
    {
        const string byIds = $"""
            SELECT {CommentColumns}, coalesce(v.seq, 0)
            FROM comments c {JoinRowVersions}
            WHERE c.id IN (SELECT value FROM json_each(@ids))
            """;
        await using var reader = await connection.ExecuteReaderAsync(
            new CommandDefinition(byIds, new { ids = JsonSerializer.Serialize(ids) }, cancellationToken: ct));
        while (await reader.ReadAsync(ct))
        {
            yield return (reader.GetInt64(CommentRows.Width), CommentRows.Read(reader));
        }
    }
}
