using Dapper;
using Parley.Storage.Sqlite;
using Parley.Storage.Tests.Support;

namespace Parley.Storage.Tests.Sqlite;

/// <summary>Admin sessions are Parley's own rows: Isso's tables, which Isso 0.14 reads, never see them.</summary>
public sealed class AdminSessionTableTests : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task SessionsAndThePasswordFingerprintLeaveIssosTablesAsTheyWere()
    {
        string before;
        using (var connection = _database.Connect())
        {
            SqliteCommentStore.Open(_database.Path).Dispose();
            before = Dump(connection);
        }

        using (var store = SqliteCommentStore.Open(_database.Path))
        {
            await store.RecordAdminPasswordAsync("fingerprint");
            await store.OpenAdminSessionAsync("digest", "fingerprint", 2_000_000_000, 1_800_000_000);
        }

        using var after = _database.Connect();
        Assert.Equal(before, Dump(after));
        Assert.Equal(1, after.ExecuteScalar<long>("SELECT count(*) FROM parley_admin_sessions WHERE id = 'digest'"));
        Assert.Equal("fingerprint", after.ExecuteScalar<string>("SELECT fingerprint FROM parley_admin_password"));
    }

    // Everything Isso reads: its three tables' rows and the schema of everything but Parley's tables.
    private static string Dump(Microsoft.Data.Sqlite.SqliteConnection connection) => string.Join('\n',
        connection.Query<string>("SELECT key || '=' || value FROM preferences ORDER BY key")
            .Concat(connection.Query<string>("SELECT CAST(count(*) AS TEXT) FROM threads"))
            .Concat(connection.Query<string>("SELECT CAST(count(*) AS TEXT) FROM comments"))
            .Concat(connection.Query<string>("SELECT sql FROM sqlite_master WHERE name NOT LIKE 'parley%' ORDER BY name"))
            .Append(connection.ExecuteScalar<long>("PRAGMA user_version").ToString(System.Globalization.CultureInfo.InvariantCulture)));
}
