using Microsoft.Data.Sqlite;

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
    private SqliteCommand? _versionCommand;

    public ValueTask<long> ChangeVersionAsync(CancellationToken ct = default)
    {
        lock (_versionLock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_versionCommand is null)
            {
                _versionConnection = new SqliteConnection(_connectionString);
                _versionConnection.Open();
                _versionCommand = _versionConnection.CreateCommand();
                _versionCommand.CommandText = "PRAGMA data_version";
                _versionCommand.Prepare();
            }
            return ValueTask.FromResult((long)_versionCommand.ExecuteScalar()!);
        }
    }

    private void CloseVersionConnection()
    {
        lock (_versionLock)
        {
            _disposed = true;
            _versionCommand?.Dispose();
            _versionConnection?.Dispose();
        }
    }
}
