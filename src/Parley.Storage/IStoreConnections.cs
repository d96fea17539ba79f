using System.Data.Common;

namespace Parley.Storage;

/// <summary>The two ways into either engine's database, for the pieces whose SQL both engines share.</summary>
internal interface IStoreConnections
{
    Task<T> ReadAsync<T>(Func<DbConnection, Task<T>> read, CancellationToken ct);

    /// <summary>Inside a write transaction, one at a time with every other write.</summary>
    Task<T> WriteAsync<T>(Func<DbConnection, Task<T>> write, CancellationToken ct);
}
