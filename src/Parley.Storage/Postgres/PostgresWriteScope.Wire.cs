using Dapper;
using Npgsql;

namespace Parley.Storage.Postgres;

/// <summary>
/// What goes over the writer connection, and when. A write on PostgreSQL costs mostly round trips, so what needs no answer
/// of its own rides with a command that does: a write's savepoint goes out ahead of its first command, the previous
/// write's release ahead of that, and new comments and the event rows of the whole batch with the commit. A write that
/// fails is undone with what it kept. A held row that fails once sent fails every write of the batch, as a full disk
/// would: nothing a reader can send makes one fail (the edge refuses what PostgreSQL's text cannot hold).
/// </summary>
internal sealed partial class PostgresWriteScope
{
    private const string Savepoint = "SAVEPOINT write; ";
    private const string Release = "RELEASE SAVEPOINT write; ";

    private bool _releaseAhead;
    private bool _savepointAhead;
    private int _eventsBeforeWrite;

    // A held row of an earlier write failed: the transaction cannot be kept.
    private bool _lost;

    /// <summary>The connection for the transaction's own statements (begin, rollback), with nothing waiting.</summary>
    public NpgsqlConnection Connection => wire;

    /// <summary>
    /// Begins the transaction under the write lock, and learns the highest comment id, from which the new ones are
    /// numbered (see <see cref="InsertCommentAsync"/>): one round trip.
    /// </summary>
    public async Task BeginAsync()
    {
        await using var batch = new NpgsqlBatch(wire)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand("BEGIN"),
                new NpgsqlBatchCommand($"SELECT pg_advisory_xact_lock({PostgresSchema.WriteLock})"),
                // A statement of its own: its snapshot is taken once the lock is held, so it sees every earlier commit.
                new NpgsqlBatchCommand(LastCommentId),
            },
        };
        await using var reader = await batch.ExecuteReaderAsync();
        do
        {
            while (await reader.ReadAsync())
            {
                if (reader.FieldCount == 1 && reader.GetName(0) == "last_comment")
                {
                    _lastCommentId = reader.GetInt64(0);
                }
            }
        }
        while (await reader.NextResultAsync());
    }

    /// <summary>The connection, for writes that run their own commands: what is waiting goes out first.</summary>
    public async Task<NpgsqlConnection> ConnectionAsync()
    {
        await SendHeldAsync();
        if (_releaseAhead || _savepointAhead)
        {
            await wire.ExecuteAsync(Ahead());
        }
        // Such a command may add or remove comments behind the count this transaction keeps.
        _lastCommentId = null;
        return wire;
    }

    // Called by PostgresWriter as each write of a batch starts and ends.
    public void StartWrite()
    {
        _savepointAhead = true;
        _eventsBeforeWrite = _events.Count;
        _heldBeforeWrite = _held.Count;
        _lastCommentIdBeforeWrite = _lastCommentId;
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
        if (_lost)
        {
            return false;
        }
        _events.RemoveRange(_eventsBeforeWrite, _events.Count - _eventsBeforeWrite);
        _held.RemoveRange(_heldBeforeWrite, _held.Count - _heldBeforeWrite);
        _lastCommentId = _lastCommentIdBeforeWrite;
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
        foreach (var row in _held)
        {
            batch.BatchCommands.Add(row);
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

    /// <summary>Every command of a write: sends the held rows first, and carries what else is waiting ahead of it.</summary>
    private async ValueTask<CommandDefinition> CommandAsync(string sql, object? parameters, CancellationToken ct)
    {
        await SendHeldAsync();
        return new(Ahead() + sql, parameters, cancellationToken: ct);
    }

    // A command needs an answer, which must see the held rows: they go out in order, those of earlier writes before
    // this write's savepoint (undoing this write must not take them) and this write's own after it.
    private async Task SendHeldAsync()
    {
        if (_held.Count == 0)
        {
            return;
        }
        await using var batch = new NpgsqlBatch(wire);
        if (_releaseAhead)
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand("RELEASE SAVEPOINT write"));
        }
        var earlier = _held.Take(_heldBeforeWrite).ToList();
        foreach (var row in earlier)
        {
            batch.BatchCommands.Add(row);
        }
        if (_savepointAhead)
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand("SAVEPOINT write"));
        }
        foreach (var row in _held.Skip(_heldBeforeWrite))
        {
            batch.BatchCommands.Add(row);
        }
        (_releaseAhead, _savepointAhead) = (false, false);
        _held.Clear();
        _heldBeforeWrite = 0;
        try
        {
            await batch.ExecuteNonQueryAsync();
        }
        catch (PostgresException e) when (e.BatchCommand is { } failed && earlier.Contains(failed))
        {
            _lost = true;
            throw;
        }
    }

    // A statement that goes out without an answer of its own, its values bound to $1, $2, … in order.
    private static NpgsqlBatchCommand Row(string sql, params object?[] values)
    {
        var row = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
        {
            row.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        }
        return row;
    }

    private string Ahead()
    {
        var ahead = (_releaseAhead ? Release : "") + (_savepointAhead ? Savepoint : "");
        (_releaseAhead, _savepointAhead) = (false, false);
        return ahead;
    }

    private void Forget()
    {
        (_releaseAhead, _savepointAhead, _eventsBeforeWrite, _heldBeforeWrite, _lost) = (false, false, 0, 0, false);
        _events.Clear();
        _held.Clear();
        _threads.Clear();
        _lastCommentId = null;
    }
}
