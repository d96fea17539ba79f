using System.Globalization;
using Npgsql;
using Parley.Api.Tests.Lifecycle;
using Parley.Storage.Postgres;
using Parley.Tests.Shared;
using static Parley.Api.Tests.Deployment.ServerProcessWire;

namespace Parley.Api.Tests.Durability;

/// <summary>
/// A site run as the "Scaling out" section of the README describes it: two Parley processes on one PostgreSQL database,
/// behind Debian's Caddy balancing them round-robin. <see cref="Client"/> talks to the balancer, as readers do.
/// </summary>
internal sealed class LoadBalancedSite : IAsyncDisposable
{
    private readonly DirectoryInfo _work;
    private readonly TestDatabase _database;
    private readonly List<InstalledServer> _servers;
    private readonly CaddyProcess _balancer;

    private LoadBalancedSite(DirectoryInfo work, TestDatabase database, List<InstalledServer> servers, CaddyProcess balancer, Uri address)
    {
        _work = work;
        _database = database;
        _servers = servers;
        _balancer = balancer;
        Address = address;
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri Address { get; }

    public HttpClient Client { get; }

    public IReadOnlyList<InstalledServer> Servers => _servers;

    public string DatabaseUrl => _database.Url;

    /// <summary>Starts both instances (one after the other: the first makes the schema) and the balancer in front.</summary>
    public static async Task<LoadBalancedSite> StartAsync(params (string Section, string Key, string Value)[] settings)
    {
        var work = Directory.CreateTempSubdirectory("parley-balanced-");
        var database = TestPostgres.CreateDatabase();
        var servers = new List<InstalledServer>();
        try
        {
            var trusted = ("server", "trusted-proxies", "127.0.0.1");
            foreach (var name in (string[])["a", "b"])
            {
                var port = FreePort.Next();
                var config = WriteConfig(Path.Combine(work.FullName, $"{name}.cfg"), database.Url, port, [trusted, .. settings]);
                servers.Add(await InstalledServer.StartBuiltAsync(config, port));
            }
            var address = new Uri($"http://127.0.0.1:{FreePort.Next().ToString(CultureInfo.InvariantCulture)}/");
            var balancer = await CaddyProcess.StartAsync(new CaddySite(address, [.. servers.Select(s => s.Address.Authority)]));
            return new LoadBalancedSite(work, database, servers, balancer, address);
        }
        catch
        {
            foreach (var server in servers)
            {
                await server.DisposeAsync();
            }
            database.Dispose();
            work.Delete(recursive: true);
            throw;
        }
    }

    /// <summary>One value read straight from the database.</summary>
    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(PostgresUrl.Parse(DatabaseUrl).ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Rows read straight from the database, each as its first two columns.</summary>
    public async Task<List<(T1, T2)>> RowsAsync<T1, T2>(string sql)
    {
        await using var connection = new NpgsqlConnection(PostgresUrl.Parse(DatabaseUrl).ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(T1, T2)>();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetFieldValue<T1>(0), reader.GetFieldValue<T2>(1)));
        }
        return rows;
    }

    /// <summary>What the servers logged, for a failure message.</summary>
    public string Logs => string.Join("\n", _servers.Select((s, i) => $"server {"ab"[i]}:\n{s.Output[^Math.Min(s.Output.Length, 3000)..]}"))
        + $"\nbalancer:\n{_balancer.Output[^Math.Min(_balancer.Output.Length, 2000)..]}";

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _balancer.DisposeAsync();
        foreach (var server in _servers)
        {
            await server.DisposeAsync();
        }
        _database.Dispose();
        try
        {
            _work.Delete(recursive: true);
        }
        catch (IOException)
        {
            // Left for the temp cleaner.
        }
    }
}
