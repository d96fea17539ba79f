using Dapper;
using Microsoft.Data.Sqlite;

namespace Parley.Storage.Sqlite;

/// <summary>Several reads at one moment of the database (one read transaction on one connection).</summary>
/// <remarks>
/// Without it each read takes its own pooled connection, and a comment committed between two of them (a count,
/// then the page it counts) makes an answer that contradicts itself: "One Comment" above two comments. In WAL
/// mode a read transaction keeps the snapshot it started with while writers go on committing.
/// </remarks>
public sealed partial class SqliteCommentStore
{
    // The connection holding the snapshot, for the reads of the flow that opened it (and only that flow).
    private readonly AsyncLocal<SqliteConnection?> _snapshot = new();

    public async Task<T> ReadSnapshotAsync<T>(Func<Task<T>> reads, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(reads);
        if (_snapshot.Value is not null)
        {
            return await reads();
        }
        var connection = await OpenAsync(ct);
        var open = false;
        try
        {
            // A plain BEGIN, not BeginTransaction: the store's reads run their commands without a transaction object.
            await connection.ExecuteAsync(new CommandDefinition("PRAGMA mmap_size = 268435456; BEGIN DEFERRED TRANSACTION", cancellationToken: ct));
            open = true;
            _snapshot.Value = connection;
            var result = await reads();
            await connection.ExecuteAsync("COMMIT TRANSACTION");
            open = false;
            return result;
        }
        finally
        {
            _snapshot.Value = null;
            await EndAsync(connection, open);
        }
    }

    private static async Task EndAsync(SqliteConnection connection, bool open)
    {
        try
        {
            if (open)
            {
                await connection.ExecuteAsync("ROLLBACK TRANSACTION");
            }
        }
        catch (SqliteException)
        {
            // A connection still inside the transaction must never go back to the pool.
            SqliteConnection.ClearPool(connection);
        }
        await connection.DisposeAsync();
    }
}
