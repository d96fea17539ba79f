using Npgsql;

namespace Parley.Storage.Postgres;

/// <summary>
/// Reads the change version (the last number of <c>parley_changes</c>) for many concurrent askers with few round trips,
/// and never an answer older than the asker. At most one query is in flight, on a connection of its own; whoever asks
/// while it runs waits for the next query, which starts after it ends and so after they asked, and all of them share it.
/// A write committed before someone asked is therefore always in their answer, on this instance or any other.
/// </summary>
internal sealed class PostgresVersionReader(NpgsqlDataSource source) : IDisposable
{
    private const string Sql = "SELECT coalesce(max(seq), 0) FROM parley_changes";

    private readonly Lock _lock = new();
    private bool _inFlight;
    private TaskCompletionSource<long>? _waiting;
    private NpgsqlConnection? _connection;
    private NpgsqlCommand? _command;
    private bool _disposed;

    public ValueTask<long> ReadAsync(CancellationToken ct)
    {
        TaskCompletionSource<long> answer;
        var start = false;
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_inFlight)
            {
                answer = _waiting ??= new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
            }
            else
            {
                _inFlight = true;
                answer = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
                start = true;
            }
        }
        if (start)
        {
            // Not on the asker's flow: its snapshot or cancellation must not reach the shared query.
            using (ExecutionContext.SuppressFlow())
            {
                _ = Task.Run(() => PumpAsync(answer), CancellationToken.None);
            }
        }
        return new ValueTask<long>(answer.Task.WaitAsync(ct));
    }

    // Answers one batch of askers per query until nobody waits.
    private async Task PumpAsync(TaskCompletionSource<long> answer)
    {
        while (true)
        {
            // Requests already queued on the pool ask within microseconds: they may share this query, which has not
            // started yet, instead of waiting for the next one. Fewer queries leave the cores to the answers.
            await Task.Yield();
            TaskCompletionSource<long>? joined;
            lock (_lock)
            {
                (joined, _waiting) = (_waiting, null);
            }
            try
            {
                var version = await QueryAsync();
                answer.TrySetResult(version);
                joined?.TrySetResult(version);
            }
            catch (Exception e)
            {
                Reset();
                answer.TrySetException(e);
                joined?.TrySetException(e);
            }
            var disposed = false;
            lock (_lock)
            {
                if (_waiting is null || _disposed)
                {
                    _inFlight = false;
                    _waiting?.TrySetException(new ObjectDisposedException(nameof(PostgresVersionReader)));
                    _waiting = null;
                    disposed = _disposed;
                }
                else
                {
                    answer = _waiting;
                    _waiting = null;
                    continue;
                }
            }
            if (disposed)
            {
                Reset();
            }
            return;
        }
    }

    private async Task<long> QueryAsync()
    {
        if (_command is null)
        {
            _connection = await source.OpenConnectionAsync();
            _command = new NpgsqlCommand(Sql, _connection);
            await _command.PrepareAsync();
        }
        return (long)(await _command.ExecuteScalarAsync())!;
    }

    // A connection that failed once is not trusted again; the next query opens another.
    private void Reset()
    {
        _command?.Dispose();
        _connection?.Dispose();
        (_command, _connection) = (null, null);
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _disposed = true;
            if (_inFlight)
            {
                // The pump closes the connection when its query ends.
                return;
            }
        }
        Reset();
    }
}
