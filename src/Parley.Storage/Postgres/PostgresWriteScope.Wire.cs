using Dapper;
using Npgsql;

namespace Parley.Storage.Postgres;

/// <summary>
/// What goes over the writer connection, and when. A write on PostgreSQL costs mostly round trips, so what needs no answer
/// of its own rides with a command that does: a write's savepoint goes out ahead of its first command, the previous
/// write's release ahead of that, and the event rows of the whole batch with the commit. A write that fails is undone
/// with what it kept; an event row that fails fails the commit, and so every write of the batch, as a full disk would.
/// </summary>
internal sealed partial class PostgresWriteScope
{
    private const string Savepoint = "SAVEPOINT write; ";
    private const string Release = "RELEASE SAVEPOINT write; ";

    private bool _releaseAhead;
    private bool _savepointAhead;
    private int _eventsBeforeWrite;

    /// <summary>The connection for the transaction's own statements (begin, rollback), with nothing waiting.</summary>
    public NpgsqlConnection Connection => wire;

    /// <summary>The connection, for writes that run their own commands: what is waiting goes out first.</summary>
    public async Task<NpgsqlConnection> ConnectionAsync()
    {
        if (_releaseAhead || _savepointAhead)
        {
            await wire.ExecuteAsync(Ahead());
        }
        return wire;
    }

    // Called by PostgresWriter as each write of a batch starts and ends.
    public void StartWrite()
    {
        _savepointAhead = true;
        _eventsBeforeWrite = _events.Count;
    }

    public void EndWrite()
    {
        if (_savepointAhead)
        {
            // The write sent nothing: there is no savepoint to release.
            _savepointAhead = false;
            return;
        }
        _releaseAhead = true;
    }

    /// <summary>Undoes the current write; false when the connection cannot.</summary>
    public async Task<bool> UndoWriteAsync()
    {
        _events.RemoveRange(_eventsBeforeWrite, _events.Count - _eventsBeforeWrite);
        _threads.Clear();
        if (_savepointAhead)
        {
            // Nothing of the write went out.
            _savepointAhead = false;
            return true;
        }
        try
        {
            await wire.ExecuteAsync("ROLLBACK TO SAVEPOINT write; RELEASE SAVEPOINT write");
            return true;
        }
        catch (NpgsqlException)
        {
            return false;
        }
    }

    public async Task CommitAsync()
    {
        await using var batch = new NpgsqlBatch(wire);
        if (_releaseAhead)
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand("RELEASE SAVEPOINT write"));
        }
        foreach (var change in _events)
        {
            batch.BatchCommands.Add(EventRow(change));
        }
        batch.BatchCommands.Add(new NpgsqlBatchCommand("COMMIT"));
        Forget();
        await batch.ExecuteNonQueryAsync();
    }

    public Task RollBackAsync()
    {
        Forget();
        return wire.ExecuteAsync("ROLLBACK");
    }

    /// <summary>Every command of a write: carries what is waiting to go out ahead of it.</summary>
    private CommandDefinition Command(string sql, object? parameters, CancellationToken ct) =>
        new(Ahead() + sql, parameters, cancellationToken: ct);

    private string Ahead()
    {
        var ahead = (_releaseAhead ? Release : "") + (_savepointAhead ? Savepoint : "");
        (_releaseAhead, _savepointAhead) = (false, false);
        return ahead;
    }

    private void Forget()
    {
        (_releaseAhead, _savepointAhead, _eventsBeforeWrite) = (false, false, 0);
        _events.Clear();
        _threads.Clear();
    }
}
