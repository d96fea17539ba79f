using Npgsql;
using Parley.Core.Email;
using Parley.Core.Events;
using Parley.Core.Storage;

namespace Parley.Storage.Postgres;

/// <summary>
/// <see cref="ICommentStore"/> on a PostgreSQL database, shared by any number of Parley instances. Reads take a pooled
/// connection each (or share the one of <see cref="ReadSnapshotAsync"/>); writes go through one writer connection per
/// instance that commits waiting writes together, and hold an advisory lock while they run, so the writes of all
/// instances happen one at a time, as they do on SQLite.
/// </summary>
public sealed partial class PostgresCommentStore : ICommentStore, IStoreConnections
{
    private readonly NpgsqlDataSource _source;
    private readonly PostgresWriter _writer;
    private readonly KnownRows _knownRows = new();
    private readonly PostgresVersionReader _versions;

    private PostgresCommentStore(NpgsqlDataSource source, string sessionKey)
    {
        _source = source;
        SessionKey = sessionKey;
        _writer = new PostgresWriter(source);
        _versions = new PostgresVersionReader(source);
        Events = new PostgresEventLog(this);
        Destinations = new DestinationLog(this);
        Outbox = new PostgresMailOutbox(this);
    }

    public string SessionKey { get; }

    public IEventLog Events { get; }

    public IDestinationLog Destinations { get; }

    public IMailOutbox Outbox { get; }

    /// <summary>
    /// Connects to the database <paramref name="url"/> names (see <see cref="PostgresUrl"/>) and brings its schema up to
    /// date. A URL, server or password that does not work is a <see cref="DatabasePathException"/> naming the URL, its
    /// password masked.
    /// </summary>
    public static async Task<PostgresCommentStore> OpenAsync(string url, CancellationToken ct = default)
    {
        var settings = PostgresUrl.Parse(url);
        // Parley changes no session state, so a pooled connection needs no reset; statements run again and again are
        // prepared on each connection once.
        settings.NoResetOnClose = true;
        settings.MaxAutoPrepare = 64;
        settings.AutoPrepareMinUsages = 2;
        var source = NpgsqlDataSource.Create(settings);
        try
        {
            await using var connection = await source.OpenConnectionAsync(ct);
            var sessionKey = await PostgresSchema.InitialiseAsync(connection, ct);
            return new PostgresCommentStore(source, sessionKey);
        }
        catch (Exception e) when (e is NpgsqlException && !IsRefusal(e))
        {
            await source.DisposeAsync();
            throw new DatabaseUnreachableException(PostgresUrl.Masked(url), Reason(e));
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or ArgumentException)
        {
            await source.DisposeAsync();
            throw new DatabasePathException(PostgresUrl.Masked(url), Reason(e));
        }
        catch
        {
            await source.DisposeAsync();
            throw;
        }
    }

    // The server answered and said no (wrong password, no such database, no permission): waiting will not help.
    private static bool IsRefusal(Exception e) => e is PostgresException p && !DatabaseErrors.IsUnavailable(p);

    private static string Reason(Exception e) => e switch
    {
        PostgresException { SqlState: PostgresErrorCodes.InvalidPassword or PostgresErrorCodes.InvalidAuthorizationSpecification } =>
            "the server refused the user name or password",
        PostgresException { SqlState: PostgresErrorCodes.InvalidCatalogName } p => $"{p.MessageText}; create it first (createdb)",
        PostgresException p => p.MessageText,
        NpgsqlException { InnerException: { } inner } => $"no answer from the server ({inner.Message})",
        _ => e.Message,
    };

    public void Dispose()
    {
        _writer.Dispose();
        _versions.Dispose();
        _source.Dispose();
    }

    public Task<T> WriteAsync<T>(Func<IWriteScope, Task<T>> write, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(write);
        return _writer.WriteAsync(write, ct);
    }

    /// <summary>Runs <paramref name="write"/> in a write transaction on the writer connection (see <see cref="PostgresWriter"/>).</summary>
    internal Task<T> WriteAsync<T>(Func<NpgsqlConnection, Task<T>> write, CancellationToken ct) =>
        _writer.WriteAsync(async scope => await write(await scope.ConnectionAsync()), ct);

    internal async Task<T> ReadAsync<T>(Func<NpgsqlConnection, Task<T>> read, CancellationToken ct)
    {
        if (_snapshot.Value is { } snapshot)
        {
            return await read(snapshot);
        }
        await using var connection = await _source.OpenConnectionAsync(ct);
        return await read(connection);
    }

    Task<T> IStoreConnections.ReadAsync<T>(Func<System.Data.Common.DbConnection, Task<T>> read, CancellationToken ct) => ReadAsync((NpgsqlConnection c) => read(c), ct);

    Task<T> IStoreConnections.WriteAsync<T>(Func<System.Data.Common.DbConnection, Task<T>> write, CancellationToken ct) => WriteAsync((NpgsqlConnection c) => write(c), ct);
}
