using System.Diagnostics;
using Npgsql;
using Parley.Benchmarks.Seeding;
using Parley.Storage.Postgres;

namespace Parley.Benchmarks.Servers;

/// <summary>
/// The PostgreSQL databases of a run, made on the server <c>PARLEY_BENCH_POSTGRES</c> (or the test suite's
/// <c>PARLEY_TEST_POSTGRES</c>) names and filled by moving a seeded SQLite database into each, as <c>import-db</c> does;
/// dropped when the run ends.
/// </summary>
internal sealed class PostgresDatabases : IAsyncDisposable
{
    private readonly string _server;
    private readonly List<string> _made = [];

    private PostgresDatabases(string server) => _server = server;

    public static PostgresDatabases Connect()
    {
        var server = Environment.GetEnvironmentVariable("PARLEY_BENCH_POSTGRES") is { Length: > 0 } bench ? bench
            : Environment.GetEnvironmentVariable("PARLEY_TEST_POSTGRES") is { Length: > 0 } test ? test
            : throw new BenchError("the PostgreSQL rows need a server: bench/run.sh starts one, or set PARLEY_BENCH_POSTGRES to its URL");
        return new PostgresDatabases(server);
    }

    /// <summary>A new database named after <paramref name="name"/> holding what the SQLite file at <paramref name="seeded"/> holds.</summary>
    public async Task<(string Url, SeedResult Seed)> MoveAsync(string name, string seeded, CancellationToken ct)
    {
        var database = $"parley_bench_{name.Replace('-', '_')}_{Environment.ProcessId}";
        await ExecuteAsync($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", ct);
        await ExecuteAsync($"CREATE DATABASE {database}", ct);
        _made.Add(database);
        var url = new UriBuilder(_server) { Path = "/" + database }.Uri.ToString();
        var watch = Stopwatch.StartNew();
        var moved = await PostgresMove.FromSqliteAsync(seeded, url, replace: false, ct);
        var seconds = watch.Elapsed.TotalSeconds;
        return (url, new SeedResult(name, (int)moved.Threads, (int)moved.Comments, seconds, seconds));
    }

    private async Task ExecuteAsync(string sql, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(PostgresUrl.Parse(_server).ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        foreach (var database in _made)
        {
            await ExecuteAsync($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", CancellationToken.None);
        }
    }
}
