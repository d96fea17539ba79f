using System.Data.Common;
using System.Text.Json;
using Dapper;
using Microsoft.Data.Sqlite;
using Parley.Core.Comments;
using Parley.Core.Storage;

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

    // What a listing query selects first (see ListThreadAsync): each row's id and version, 0 for rows never changed.
    private const string RowKey = "c.id, coalesce(v.seq, 0)";

    private const string JoinRowVersions = "LEFT JOIN parley_row_versions v ON v.cid = c.id";

    // Lists read many rows, so they are read by position (the order of CommentColumns) rather than by name: a thread
    // of 500 comments is read in a fifth of the time.
    private static async Task<IReadOnlyList<Comment>> QueryCommentsAsync(
        SqliteConnection connection, string sql, object parameters, CancellationToken ct)
    {
        await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(sql, parameters, cancellationToken: ct));
        var rows = new List<Comment>();
        while (await reader.ReadAsync(ct))
        {
            rows.Add(ReadComment(reader));
        }
        return rows;
    }

    // A listing query: RowKey, the parent and whether the row passes the time filter; no row is read in full.
    private static async Task<IReadOnlyList<ListedComment>> QueryListedAsync(
        SqliteConnection connection, string sql, object parameters, CancellationToken ct)
    {
        var rows = await connection.QueryAsync<(long Id, long Version, long? Parent, bool After)>(
            new CommandDefinition(sql, parameters, cancellationToken: ct));
        return [.. rows.Select(r => new ListedComment(r.Id, r.Parent, r.After, r.Version))];
    }

    // The rows of the given ids, in their order: known instances where the version matches (KnownRows), the rest read
    // in full in one query (rows gone since their ids were read are left out). After a write to a busy thread, its
    // rebuilt page reads one or two rows in full.
    private async Task<IReadOnlyList<Comment>> KnownRowsAsync(SqliteConnection connection, List<(long Id, long Version)> keys,
        CancellationToken ct)
    {
        var rows = new Comment[keys.Count];
        var missing = new Dictionary<long, int>();
        for (var i = 0; i < keys.Count; i++)
        {
            if (_knownRows.Find(keys[i].Id, keys[i].Version) is { } known)
            {
                rows[i] = known;
            }
            else
            {
                missing[keys[i].Id] = i;
            }
        }
        if (missing.Count == 0)
        {
            return rows;
        }
        const string byIds = $"""
            SELECT {CommentColumns}, coalesce(v.seq, 0)
            FROM comments c {JoinRowVersions}
            WHERE c.id IN (SELECT value FROM json_each(@ids))
            """;
        var ids = JsonSerializer.Serialize(missing.Keys);
        await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(byIds, new { ids }, cancellationToken: ct));
        while (await reader.ReadAsync(ct))
        {
            var row = ReadComment(reader);
            _knownRows.Keep(reader.GetInt64(15), row);
            rows[missing[row.Id]] = row;
            missing.Remove(row.Id);
        }
        return missing.Count == 0 ? rows : [.. rows.Where(row => row is not null)];
    }

    private static Comment ReadComment(DbDataReader reader) => new()
    {
        Tid = reader.IsDBNull(0) ? 0 : reader.GetInt64(0),
        Id = reader.GetInt64(1),
        Parent = reader.IsDBNull(2) ? null : reader.GetInt64(2),
        Created = reader.IsDBNull(3) ? 0 : reader.GetDouble(3),
        Modified = reader.IsDBNull(4) ? null : reader.GetDouble(4),
        Mode = (int)reader.GetInt64(5),
        RemoteAddr = reader.IsDBNull(6) ? null : reader.GetString(6),
        Text = reader.GetString(7),
        Author = reader.IsDBNull(8) ? null : reader.GetString(8),
        Email = reader.IsDBNull(9) ? null : reader.GetString(9),
        Website = reader.IsDBNull(10) ? null : reader.GetString(10),
        Likes = reader.GetInt64(11),
        Dislikes = reader.GetInt64(12),
        Voters = (byte[])reader.GetValue(13),
        Notification = reader.IsDBNull(14) ? null : reader.GetInt64(14),
    };
}
