using System.Collections.Concurrent;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Parley.Storage.Sqlite;

/// <summary>
/// The store's one writer connection, and group commit: writes queue up, and one drain runs every write waiting
/// at that moment inside one <c>BEGIN IMMEDIATE</c> transaction, each under its own savepoint. A write that throws
/// is rolled back to its savepoint and fails alone; the others commit together, and each learns its outcome only
/// once the commit is done. SQLite's write lock, not this class, keeps other processes out.
/// </summary>
internal sealed class SqliteWriter(string connectionString, Func<long> pageLimit) : IDisposable
{
    // A batch stays small enough that the first write in it does not wait long for the last.
    private const int MaxBatch = 128;

    private readonly ConcurrentQueue<PendingWrite> _queue = new();
    private SqliteConnection? _connection;
    private PreparedStatements? _statements;
    private SqliteWriteScope? _scope;
    private long? _appliedPageLimit;
    private volatile bool _disposed;
    private int _draining;

    public Task<T> WriteAsync<T>(Func<SqliteWriteScope, Task<T>> write, CancellationToken ct)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ct.ThrowIfCancellationRequested();
        var pending = new PendingWrite<T>(write, ct);
        _queue.Enqueue(pending);
        if (Interlocked.CompareExchange(ref _draining, 1, 0) == 0)
        {
            _ = Task.Run(DrainAsync, CancellationToken.None);
        }
        return pending.Task;
    }

    private async Task DrainAsync()
    {
        while (true)
        {
            var batch = new List<PendingWrite>();
            while (batch.Count < MaxBatch && _queue.TryDequeue(out var pending))
            {
                batch.Add(pending);
            }
            if (batch.Count == 0)
            {
                if (_disposed)
                {
                    Reset();
                }
                Volatile.Write(ref _draining, 0);
                // A write queued after the last look but before the flag dropped must not wait for the next one.
                if (_queue.IsEmpty || Interlocked.CompareExchange(ref _draining, 1, 0) != 0)
                {
                    return;
                }
                continue;
            }
            await CommitAsync(batch);
        }
    }

    private async Task CommitAsync(List<PendingWrite> batch)
    {
        var next = 0;
        while (next < batch.Count)
        {
            SqliteWriteScope scope;
            try
            {
                scope = await OpenAsync();
                await scope.Statements.ExecuteAsync("BEGIN IMMEDIATE");
            }
            catch (Exception e)
            {
                Reset();
                foreach (var pending in batch.Skip(next))
                {
                    pending.Fail(e);
                }
                return;
            }
            var connection = scope.Connection;
            var statements = scope.Statements;
            // Alone in its transaction, a write needs no savepoint: rolling back the transaction undoes just it.
            var alone = batch.Count - next == 1;
            var ran = new List<PendingWrite>();
            var lost = false;
            for (; next < batch.Count && !lost; next++)
            {
                var pending = batch[next];
                if (pending.IsCancelled)
                {
                    pending.Cancel();
                    continue;
                }
                try
                {
                    if (!alone)
                    {
                        await statements.ExecuteAsync("SAVEPOINT write");
                    }
                    await pending.RunAsync(scope);
                    if (!alone)
                    {
                        await statements.ExecuteAsync("RELEASE write");
                    }
                    ran.Add(pending);
                }
                catch (Exception e)
                {
                    lost = alone || !await RollBackToSavepointAsync(connection);
                    if (alone)
                    {
                        await RollBackAsync(connection);
                    }
                    pending.Fail(e);
                    if (lost)
                    {
                        // SQLite ended the whole transaction (a full disk, an I/O error): the earlier writes went with it.
                        foreach (var done in ran)
                        {
                            done.Fail(e);
                        }
                        ran.Clear();
                    }
                }
            }
            if (lost)
            {
                continue;
            }
            try
            {
                await statements.ExecuteAsync("COMMIT");
            }
            catch (Exception e)
            {
                await RollBackAsync(connection);
                foreach (var done in ran)
                {
                    done.Fail(e);
                }
                continue;
            }
            foreach (var done in ran)
            {
                done.Complete();
            }
        }
    }

    private async Task<bool> RollBackToSavepointAsync(SqliteConnection connection)
    {
        if (SQLitePCL.raw.sqlite3_get_autocommit(connection.Handle) != 0)
        {
            return false;
        }
        try
        {
            await ExecuteAsync(connection, "ROLLBACK TO write; RELEASE write");
            return true;
        }
        catch (SqliteException)
        {
            await RollBackAsync(connection);
            return false;
        }
    }

    private async Task RollBackAsync(SqliteConnection connection)
    {
        try
        {
            if (SQLitePCL.raw.sqlite3_get_autocommit(connection.Handle) == 0)
            {
                await ExecuteAsync(connection, "ROLLBACK");
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
                // insert, so the one writer keeps up to 32 MB of them (taken only as pages are touched).
                await ExecuteAsync(connection, "PRAGMA synchronous = NORMAL; PRAGMA cache_size = -32768");
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

    private void Reset()
    {
        _statements?.Dispose();
        _connection?.Dispose();
        (_statements, _connection, _scope) = (null, null, null);
    }

    private static Task<int> ExecuteAsync(SqliteConnection connection, string sql) => connection.ExecuteAsync(sql);

    public void Dispose()
    {
        _disposed = true;
        // While a drain runs, it owns the connection and closes it when done; otherwise nothing will run again.
        if (Interlocked.CompareExchange(ref _draining, 1, 0) == 0)
        {
            Reset();
        }
    }

    private abstract class PendingWrite
    {
        public abstract bool IsCancelled { get; }
        public abstract Task RunAsync(SqliteWriteScope scope);
        public abstract void Complete();
        public abstract void Fail(Exception e);
        public abstract void Cancel();
    }

    private sealed class PendingWrite<T>(Func<SqliteWriteScope, Task<T>> write, CancellationToken ct) : PendingWrite
    {
        private readonly TaskCompletionSource<T> _outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T? _result;

        public Task<T> Task => _outcome.Task;
        public override bool IsCancelled => ct.IsCancellationRequested;
        public override async Task RunAsync(SqliteWriteScope scope) => _result = await write(scope);
        public override void Complete() => _outcome.TrySetResult(_result!);
        public override void Fail(Exception e) => _outcome.TrySetException(e);
        public override void Cancel() => _outcome.TrySetCanceled(ct);
    }
}
