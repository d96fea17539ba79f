using System.Data;
using Npgsql;

namespace Parley.Storage.Postgres;

/// <summary>
/// The instance's one writer connection, committing waiting writes together (<see cref="GroupCommit{TScope}"/>). Each
/// transaction first takes <see cref="PostgresSchema.WriteLock"/>, which PostgreSQL releases at commit or rollback: the
/// writes of every instance on the database run one at a time, and what a write read stays true until it commits.
/// </summary>
internal sealed class PostgresWriter(NpgsqlDataSource source) : GroupCommit<PostgresWriteScope>
{
    private NpgsqlConnection? _connection;
    private PostgresWriteScope? _scope;

    protected override async Task<PostgresWriteScope> BeginAsync()
    {
        if (_scope is null)
        {
            var connection = await source.OpenConnectionAsync();
            _connection = connection;
            _scope = new PostgresWriteScope(connection);
        }
        await _scope.BeginAsync();
        return _scope;
    }

    // The savepoint and its release go out with the write's own commands (PostgresWriteScope.Wire).
    protected override Task SavepointAsync(PostgresWriteScope scope)
    {
        scope.StartWrite();
        return Task.CompletedTask;
    }

    protected override Task ReleaseSavepointAsync(PostgresWriteScope scope)
    {
        scope.EndWrite();
        return Task.CompletedTask;
    }

    protected override Task CommitAsync(PostgresWriteScope scope) => scope.CommitAsync();

    protected override async Task<bool> RollBackToSavepointAsync(PostgresWriteScope scope)
    {
        if (scope.Connection.FullState == ConnectionState.Open && await scope.UndoWriteAsync())
        {
            return true;
        }
        await RollBackAsync(scope);
        return false;
    }

    protected override async Task RollBackAsync(PostgresWriteScope scope)
    {
        try
        {
            if (scope.Connection.FullState == ConnectionState.Open)
            {
                await scope.RollBackAsync();
                return;
            }
        }
        catch (NpgsqlException)
        {
        }
        // A connection that is broken or cannot even roll back is not used again.
        Reset();
    }

    protected override void Reset()
    {
        _connection?.Dispose();
        (_connection, _scope) = (null, null);
    }
}
