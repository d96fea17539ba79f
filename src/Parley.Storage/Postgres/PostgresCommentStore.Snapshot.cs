using Dapper;
using Npgsql;
using Parley.Core.Storage;

namespace Parley.Storage.Postgres;

/// <summary>
/// Several reads at one moment of the database (one <c>REPEATABLE READ</c> transaction on one connection), and the
/// change record behind the read caches.
/// </summary>
public sealed partial class PostgresCommentStore
{
    // The connection holding the snapshot, for the reads of the flow that opened it (and only that flow).
    private readonly AsyncLocal<NpgsqlConnection?> _snapshot = new();

    public async Task<T> ReadSnapshotAsync<T>(Func<Task<T>> reads, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(reads);
        if (_snapshot.Value is not null)
        {
            return await reads();
        }
        var connection = await _source.OpenConnectionAsync(ct);
        var open = false;
        try
        {
            // A plain BEGIN, not BeginTransaction: the store's reads run their commands without a transaction object.
            await connection.ExecuteAsync(new CommandDefinition("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", cancellationToken: ct));
            open = true;
            _snapshot.Value = connection;
            var result = await reads();
            await connection.ExecuteAsync("COMMIT");
            open = false;
            return result;
        }
        finally
        {
            _snapshot.Value = null;
            if (open)
            {
                try
                {
                    await connection.ExecuteAsync("ROLLBACK");
                }
                catch (NpgsqlException)
                {
                    // A connection still inside the transaction must never go back to the pool.
                    NpgsqlConnection.ClearPool(connection);
                }
            }
            await connection.DisposeAsync();
        }
    }

    /// <summary>
    /// The number of the last change to any thread (<c>parley_changes</c>, kept by triggers): committed rows only, so a
    /// reader never labels what it read with a change it could not see yet. Asked on every kept answer, so concurrent
    /// askers share round trips (see <see cref="PostgresVersionReader"/>).
    /// </summary>
    public ValueTask<long> ChangeVersionAsync(CancellationToken ct = default) => _versions.ReadAsync(ct);

    public Task<ThreadChanges> ThreadChangesAsync(long after, CancellationToken ct = default)
    {
        const string sql = """
            SELECT tid, seq FROM parley_changes WHERE seq > @after
            UNION ALL SELECT -1, coalesce(max(seq), 0) FROM parley_changes
            """;
        return ReadAsync(async c =>
        {
            var rows = (await c.QueryAsync<(long Tid, long Seq)>(new CommandDefinition(sql, new { after }, cancellationToken: ct))).AsList();
            return ChangeRecord.Read(rows, after, _knownRows);
        }, ct);
    }
}
