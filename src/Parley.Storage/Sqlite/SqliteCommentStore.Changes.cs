using Dapper;
using Parley.Core.Storage;

namespace Parley.Storage.Sqlite;

/// <summary>
/// Which threads changed: <c>parley_changes</c> holds, per thread, the number of the last change to its comments,
/// kept by triggers on the comments table. Triggers live in the file, so a write by an Isso server or by any other
/// process sharing it is recorded too.
/// </summary>
public sealed partial class SqliteCommentStore
{
    public Task<ThreadChanges> ThreadChangesAsync(long after, CancellationToken ct = default)
    {
        const string sql = """
            SELECT tid, seq FROM parley_changes WHERE seq > @after
            UNION ALL SELECT -1, coalesce(max(seq), 0) FROM parley_changes
            """;
        return ReadAsync(async c =>
        {
            var rows = (await c.QueryAsync<(long Tid, long Seq)>(new CommandDefinition(sql, new { after }, cancellationToken: ct))).AsList();
            var changes = ChangeRecord.Read(rows, after, _knownRows);
            if (changes.Everything)
            {
                _knownListings.Forget();
            }
            return changes;
        }, ct);
    }
}
