using Npgsql;
using Parley.Storage.Postgres;

namespace Parley.Tests.Shared;

/// <summary>
/// The PostgreSQL server the tests run against: <c>PARLEY_TEST_POSTGRES</c> holds its URL (test.sh starts one with
/// tests/postgres/server.sh). Each test takes a database of its own and drops it afterwards.
/// </summary>
public static class TestPostgres
{
    public const string Variable = "PARLEY_TEST_POSTGRES";

    /// <summary>The server's URL, or null when none was given.</summary>
    public static string? ServerUrl => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } url ? url : null;

    /// <summary>Under <c>CI=true</c> a missing server fails the PostgreSQL tests instead of skipping them.</summary>
    public static bool Required => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string Missing =>
        $"no PostgreSQL server for the tests: {Variable} is not set (./test.sh starts one; so does " +
        "'tests/postgres/server.sh start DIR', whose printed URL goes in that variable)";

    /// <summary>The server's URL; without one the calling test is skipped, saying why, or fails under <c>CI=true</c>.</summary>
    public static string Require() =>
        ServerUrl ?? (Required ? throw new InvalidOperationException(Missing) : throw new SkipException(Missing));

    /// <summary>A new, empty database on the server (see <see cref="Require"/> when there is none).</summary>
    public static TestDatabase CreateDatabase()
    {
        var server = Require();
        var name = $"parley_test_{Guid.NewGuid():N}";
        Execute(server, $"CREATE DATABASE {name}");
        var url = new UriBuilder(server) { Path = "/" + name }.Uri.ToString();
        return new TestDatabase(server, name, url);
    }

    internal static void Execute(string serverUrl, string sql)
    {
        using var connection = new NpgsqlConnection(PostgresUrl.Parse(serverUrl).ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}

/// <summary>One test's database: <see cref="Url"/> is what <c>[general] dbpath</c> would say.</summary>
public sealed class TestDatabase(string serverUrl, string name, string url) : IDisposable
{
    public string Url { get; } = url;

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        TestPostgres.Execute(serverUrl, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
    }
}
