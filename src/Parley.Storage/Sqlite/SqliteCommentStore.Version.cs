using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Parley.Storage.Sqlite;

/// <summary>The change version behind the read caches: SQLite's <c>PRAGMA data_version</c>.</summary>
/// <remarks>
/// data_version changes on a connection whenever another connection, in this process or any other, commits.
/// One long-lived connection that never writes therefore sees every change, including an Isso server or a
/// CLI import sharing the file. Asking costs a read of the WAL index in shared memory, no disk access.
/// </remarks>
public sealed partial class SqliteCommentStore
{
    private readonly Lock _versionLock = new();
    private SqliteConnection? _versionConnection;
    private sqlite3_stmt? _versionStatement;

    public ValueTask<long> ChangeVersionAsync(CancellationToken ct = default)
    {
        lock (_versionLock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var statement = _versionStatement ?? PrepareVersionStatement();
            // Stepped by hand: through SqliteCommand, its reader, statement bookkeeping and boxing cost a quarter of
            // the read again, and this is asked for every answer kept in a read cache.
            try
            {
                var rc = raw.sqlite3_step(statement);
                if (rc != raw.SQLITE_ROW)
                {
                    SqliteException.ThrowExceptionForRC(rc, _versionConnection!.Handle);
                }
                return ValueTask.FromResult(raw.sqlite3_column_int64(statement, 0));
            }
            finally
            {
                raw.sqlite3_reset(statement);
            }
        }
    }

    private sqlite3_stmt PrepareVersionStatement()
    {
        _versionConnection = new SqliteConnection(_connectionString);
        _versionConnection.Open();
        var db = _versionConnection.Handle!;
        // SqliteCommand retries a busy database for DefaultTimeout seconds; stepping by hand, SQLite waits as long.
        raw.sqlite3_busy_timeout(db, _versionConnection.DefaultTimeout * 1000);
        SqliteException.ThrowExceptionForRC(raw.sqlite3_prepare_v2(db, "PRAGMA data_version", out var statement), db);
        return _versionStatement = statement;
    }

    private void CloseVersionConnection()
    {
        lock (_versionLock)
        {
            _disposed = true;
            _versionStatement?.Dispose();
            _versionConnection?.Dispose();
        }
    }
}
