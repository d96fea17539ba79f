using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Parley.Core.Config;
using Parley.Core.Email;
using Parley.Core.Events;
using Parley.Core.Storage;
using Parley.Hosting;
using Parley.Tests.Shared;

namespace Parley.Api.Tests.Support;

/// <summary>
/// The real Parley app on Kestrel at a loopback port over its own temporary SQLite file.
/// Requests come from loopback, so <c>X-Forwarded-For</c> picks the client address a test wants.
/// </summary>
public sealed class TestApp : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _directory;
    private TestDatabase? _postgres;

    public HttpClient Client { get; }
    public ManualClock Clock { get; }
    public ParleyConfig Config { get; }
    public string DbPath { get; }
    public Uri BaseAddress { get; }

    private TestApp(WebApplication app, string directory, ParleyConfig config, ManualClock clock, Uri baseAddress, LogCapture logs)
    {
        _app = app;
        _directory = directory;
        Config = config;
        Clock = clock;
        DbPath = config.General.DbPath;
        BaseAddress = baseAddress;
        Logs = logs;
        Client = NewClient(cookies: false);
    }

    /// <summary>What the app logged (from warnings up, or everything for an app started from a file).</summary>
    public LogCapture Logs { get; }

    /// <summary>The isso.cfg an app started by <see cref="StartFromFileAsync"/> watches; null otherwise.</summary>
    public string? ConfigPath { get; private init; }

    public ICommentStore Store => _app.Services.GetRequiredService<ICommentStore>();

    public IServiceProvider Services => _app.Services;

    /// <summary>
    /// Starts an app; <paramref name="configure"/> adjusts the config, <paramref name="prepare"/> may create the database
    /// file first. Mail tests pass <paramref name="mailRetry"/>: the clock then runs with real time, as the outbox waits on it.
    /// <paramref name="webRoot"/> replaces the built client's files (wwwroot beside the tests) with a folder of the test's.
    /// </summary>
    public static async Task<TestApp> StartAsync(Func<ParleyConfig, ParleyConfig>? configure = null, Action<string>? prepare = null,
        MailRetry? mailRetry = null, IReadOnlyList<IEventDestination>? destinations = null, string? webRoot = null)
    {
        var directory = NewDirectory();
        var dbPath = Path.Combine(directory, "comments.db");
        prepare?.Invoke(dbPath);
        var config = new ParleyConfig
        {
            General = new GeneralConfig { DbPath = dbPath, Host = ["https://example.tld/", "http://localhost:8080"] },
        };
        config = configure?.Invoke(config) ?? config;
        return await StartAsync(directory, config, null, mailRetry, destinations, webRoot);
    }

    /// <summary>The app on a fresh PostgreSQL database of its own (dropped afterwards) instead of a SQLite file.</summary>
    public static async Task<TestApp> StartOnPostgresAsync(Func<ParleyConfig, ParleyConfig>? configure = null)
    {
        var database = TestPostgres.CreateDatabase();
        try
        {
            var app = await StartAsync(c =>
            {
                var adjusted = configure?.Invoke(c) ?? c;
                return adjusted with { General = adjusted.General with { DbPath = database.Url } };
            });
            app._postgres = database;
            return app;
        }
        catch
        {
            database.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Starts an app from an isso.cfg, as <c>parley run</c> does: the file is written from <paramref name="text"/> (given
    /// the app's database path), read, and then watched for changes. Everything the app logs is kept in <see cref="Logs"/>.
    /// <paramref name="linked"/> makes the path a symbolic link to the file, in a folder of its own.
    /// </summary>
    public static async Task<TestApp> StartFromFileAsync(Func<string, string> text, MailRetry? mailRetry = null, bool linked = false)
    {
        var directory = NewDirectory();
        var path = Path.Combine(directory, "isso.cfg");
        if (linked)
        {
            // As /etc/parley/isso.cfg pointing into a folder of versioned files: the path is a link to the file.
            Directory.CreateDirectory(Path.Combine(directory, "real"));
            File.CreateSymbolicLink(path, Path.Combine(directory, "real", "isso.cfg"));
        }
        await File.WriteAllTextAsync(path, text(Path.Combine(directory, "comments.db")));
        var result = ConfigFile.Load(path, Environment.GetEnvironmentVariable);
        Assert.True(result.IsValid, string.Join('\n', result.Errors));
        return await StartAsync(directory, result.Config, path, mailRetry, null);
    }

    private static string NewDirectory()
    {
        var directory = Path.Combine(Path.GetTempPath(), "parley-api-" + Guid.NewGuid().ToString("n"));
        Directory.CreateDirectory(directory);
        return directory;
    }

    private static async Task<TestApp> StartAsync(string directory, ParleyConfig config, string? configPath, MailRetry? mailRetry,
        IReadOnlyList<IEventDestination>? destinations, string? webRoot = null)
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 11, 21, 10, 0, 0, TimeSpan.Zero), running: mailRetry is not null);
        var logs = new LogCapture();
        var app = ParleyHost.Build(config, new ParleyHostOptions
        {
            Listen = "http://127.0.0.1:0", Time = clock, MailRetry = mailRetry ?? new MailRetry(),
            MinimumLogLevel = configPath is null ? LogLevel.Warning : LogLevel.Information, ConfigPath = configPath, LogSink = logs,
            Destinations = destinations ?? [],
            WebRoot = webRoot,
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new TestApp(app, directory, config, clock, new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal)), logs)
        {
            ConfigPath = configPath,
        };
    }

    /// <summary>A client with its own cookie jar, as a second browser would have. <see cref="Client"/> keeps no cookies: tests send them explicitly.</summary>
    public HttpClient NewClient(bool cookies = true)
    {
        var handler = new HttpClientHandler { UseCookies = cookies, CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        return new HttpClient(handler) { BaseAddress = BaseAddress };
    }

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _postgres?.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by the OS is left for the temp cleaner; the test result does not depend on it.
        }
    }
}
