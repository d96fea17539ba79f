using Dapper;
using Microsoft.Data.Sqlite;

namespace Parley.Storage.Sqlite;

/// <summary>
/// The store's one writer connection, committing waiting writes together (<see cref="GroupCommit{TScope}"/>) inside
/// <c>BEGIN IMMEDIATE</c>: SQLite's write lock keeps other processes out for the length of the transaction.
/// </summary>
internal sealed class SqliteWriter(string connectionString, Func<long> pageLimit) : GroupCommit<SqliteWriteScope>
{
    private SqliteConnection? _connection;
    private PreparedStatements? _statements;
    private SqliteWriteScope? _scope;
    private long? _appliedPageLimit;

    protected override async Task<SqliteWriteScope> BeginAsync()
    {
        var scope = await OpenAsync();
        await scope.Statements.ExecuteAsync("BEGIN IMMEDIATE");
        return scope;
    }

    protected override Task SavepointAsync(SqliteWriteScope scope) => scope.Statements.ExecuteAsync("SAVEPOINT write");

    protected override Task ReleaseSavepointAsync(SqliteWriteScope scope) => scope.Statements.ExecuteAsync("RELEASE write");

    protected override Task CommitAsync(SqliteWriteScope scope) => scope.Statements.ExecuteAsync("COMMIT");

    protected override async Task<bool> RollBackToSavepointAsync(SqliteWriteScope scope)
    {
        if (SQLitePCL.raw.sqlite3_get_autocommit(scope.Connection.Handle) != 0)
        {
            return false;
        }
        try
        {
            await scope.Connection.ExecuteAsync("ROLLBACK TO write; RELEASE write");
            return true;
        }
        catch (SqliteException)
        {
            await RollBackAsync(scope);
            return false;
        }
    }

    protected override async Task RollBackAsync(SqliteWriteScope scope)
    {
        try
        {
            if (SQLitePCL.raw.sqlite3_get_autocommit(scope.Connection.Handle) == 0)
            {
                await scope.Connection.ExecuteAsync("ROLLBACK");
            }
        }
        catch (SqliteException)
        {
            // A connection that cannot even roll back is not used again.
            Reset();
        }
    }

    private async Task<SqliteWriteScope> OpenAsync()
    {
        if (_scope is null)
        {
            var connection = new SqliteConnection(connectionString);
            try
            {
                await connection.OpenAsync();
                // Per connection, not stored in the file, and only writes care. With WAL, NORMAL never corrupts the
                // database: a power cut may lose the last commits, never a committed checkpoint. A comment lands in the
                // middle of four indexes; with SQLite's default 2 MB cache a large database re-reads their pages on every
                // insert, so the one writer keeps up to 32 MB of them (taken only as pages are touched). Each write of a
                // batch runs under a savepoint, whose journal of first-touched pages spills to a temporary file past
                // 64 kB: a batch of a dozen comments wrote twice as many pages there as to the WAL. That journal only
                // ever serves a rollback within the live transaction, so it can stay in memory.
                await connection.ExecuteAsync("PRAGMA synchronous = NORMAL; PRAGMA cache_size = -32768; PRAGMA temp_store = MEMORY");
            }
            catch
            {
                await connection.DisposeAsync();
                throw;
            }
            _connection = connection;
            _statements = new PreparedStatements(connection);
            _scope = new SqliteWriteScope(connection, _statements);
            _appliedPageLimit = null;
        }
        var limit = pageLimit();
        if (limit != _appliedPageLimit)
        {
            // max_page_count cannot go below the current size, so the value read back is the one in force.
            await _scope.Connection.ExecuteScalarAsync<long>(FormattableString.Invariant($"PRAGMA max_page_count = {limit}"));
            _appliedPageLimit = limit;
        }
        return _scope;
    }

    protected override void Reset()
    {
        _statements?.Dispose();
        _connection?.Dispose();
        (_statements, _connection, _scope) = (null, null, null);
    }
}
