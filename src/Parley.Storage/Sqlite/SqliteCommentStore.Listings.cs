using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;
using Parley.Core.Storage;

namespace Parley.Storage.Sqlite;

/// <summary>A thread's listing (behaviour.md §4): read whole once, then brought up to date from the rows changed since (see <see cref="KnownListings"/>).</summary>
public sealed partial class SqliteCommentStore
{
    // Each listed row after its id: its version, parent, time filter mark, then its sort keys, each NULL unless a plain
    // number (as after is bound as TEXT, see ListAsync: the comparison is a column, so no row is left out for it).
    private const string ListedColumns = """
        coalesce(v.seq, 0), CAST(c.parent AS INTEGER), coalesce(c.created > @after, 0),
        CASE WHEN typeof(c.created) IN ('integer', 'real') AND typeof(c.parent) IN ('integer', 'null') THEN CAST(c.created AS REAL) END,
        CASE WHEN typeof(c.likes) = 'integer' AND typeof(c.dislikes) = 'integer' THEN c.likes - c.dislikes END
        """;

    private readonly KnownListings _knownListings = new();

    public Task<ThreadListing> ListThreadAsync(string uri, string sort, string after, CancellationToken ct = default) =>
        ReadSnapshotAsync(() => ReadAsync(async c =>
        {
            const string state = """
                SELECT coalesce((SELECT id FROM threads WHERE uri = @uri), 0), (SELECT coalesce(max(seq), 0) FROM parley_row_versions),
                       (SELECT coalesce(max(id), 0) FROM comments)
                """;
            var (thread, version, lastId) = await c.QuerySingleAsync<(long, long, long)>(new CommandDefinition(state, new { uri }, cancellationToken: ct));
            if (thread == 0)
            {
                return ThreadListing.Empty;
            }
            var kept = _knownListings.Find(uri, sort, after);
            if (kept is not null && kept.IsLaterThan(version, lastId))
            {
                // The row versions went backwards, or the highest id did without a deletion: the file was replaced, and
                // nothing kept describes it.
                _knownListings.Forget();
            }
            else if (kept is not null && kept.Thread == thread)
            {
                if (kept.Version == version && kept.LastId == lastId)
                {
                    return kept.Answer;
                }
                var changed = await ChangedRowsAsync(c, kept, after, ct);
                if (changed is not null && KnownListings.Apply(kept, changed, version, lastId, sort) is { } listing)
                {
                    _knownListings.Keep(uri, sort, after, listing);
                    return listing.Answer;
                }
            }
            return await ReadListingAsync(c, uri, sort, after, thread, version, lastId, ct);
        }, ct), ct);

    // The whole listing, kept when every row's keys are plain numbers (rows written by Isso or Parley always are).
    private async Task<ThreadListing> ReadListingAsync(SqliteConnection c, string uri, string sort, string after,
        long thread, long version, long lastId, CancellationToken ct)
    {
        var topLevel = $"""
            SELECT c.id, {ListedColumns}
            FROM comments c JOIN threads t ON c.tid = +t.id {JoinRowVersions}
            WHERE t.uri = @uri AND (5 | c.mode) = 5 AND c.parent IS NULL
            ORDER BY {ListOrder(new CommentQuery(uri, null, sort))}
            """;
        var replies = $"""
            SELECT c.id, {ListedColumns}
            FROM comments c JOIN threads t ON c.tid = +t.id {JoinRowVersions}
            WHERE t.uri = @uri AND (5 | c.mode) = 5 AND c.parent IS NOT NULL
            ORDER BY c.parent, {ListOrder(new CommentQuery(uri, 0, sort))}
            """;
        var parameters = new { uri, after };
        var (roots, rootsPlain) = await ReadListedRowsAsync(c, topLevel, parameters, ct);
        var (answers, answersPlain) = await ReadListedRowsAsync(c, replies, parameters, ct);
        var listing = new Listing(thread, version, lastId, roots, answers);
        if (rootsPlain && answersPlain)
        {
            _knownListings.Keep(uri, sort, after, listing);
        }
        return listing.Answer;
    }

    // The rows changed since kept was read, as they are now: those whose version grew (updated or deleted; a deleted
    // row's id may have been given again since) and those inserted (ids above the highest then). Null when there are
    // too many to be worth it.
    private static async Task<IReadOnlyList<ChangedRow>?> ChangedRowsAsync(SqliteConnection c, Listing kept, string after, CancellationToken ct)
    {
        const string changedColumns = $"{ListedColumns}, coalesce(CAST(c.tid AS INTEGER), 0), coalesce((5 | c.mode) = 5, 0)";
        var sql = $"""
            SELECT v.cid, {changedColumns}
            FROM parley_row_versions v LEFT JOIN comments c ON c.id = v.cid
            WHERE v.seq > @since
            UNION ALL
            SELECT c.id, {changedColumns}
            FROM comments c {JoinRowVersions}
            WHERE c.id > @lastId AND coalesce(v.seq, 0) <= @since
            LIMIT {KnownListings.MostChanges + 1}
            """;
        var parameters = new { since = kept.Version, lastId = kept.LastId, after };
        await using var reader = await c.ExecuteReaderAsync(new CommandDefinition(sql, parameters, cancellationToken: ct));
        var changed = new List<ChangedRow>();
        while (await reader.ReadAsync(ct))
        {
            if (changed.Count == KnownListings.MostChanges)
            {
                return null;
            }
            // A row deleted since has only its version row: thread 0, not visible, so it is only taken out.
            var (row, plain) = ReadListedRow(reader);
            changed.Add(new ChangedRow(reader.GetInt64(6), reader.GetBoolean(7), plain, row));
        }
        return changed;
    }

    private static async Task<(ListedRow[] Rows, bool Plain)> ReadListedRowsAsync(SqliteConnection c, string sql, object parameters,
        CancellationToken ct)
    {
        await using var reader = await c.ExecuteReaderAsync(new CommandDefinition(sql, parameters, cancellationToken: ct));
        var rows = new List<ListedRow>();
        var allPlain = true;
        while (await reader.ReadAsync(ct))
        {
            var (row, plain) = ReadListedRow(reader);
            rows.Add(row);
            allPlain &= plain;
        }
        return ([.. rows], allPlain);
    }

    private static (ListedRow Row, bool Plain) ReadListedRow(DbDataReader reader)
    {
        var plain = !reader.IsDBNull(4) && !reader.IsDBNull(5);
        return (new ListedRow(
            reader.GetInt64(0),
            reader.GetInt64(1),
            reader.IsDBNull(2) ? null : reader.GetInt64(2),
            reader.GetBoolean(3),
            plain ? reader.GetDouble(4) : 0,
            plain ? reader.GetInt64(5) : 0), plain);
    }
}
