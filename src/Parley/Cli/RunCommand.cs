using System.CommandLine;
using Microsoft.AspNetCore.Connections;
using Parley.Core.Config;
using Parley.Hosting;
using Parley.Storage;
using Parley.Storage.Postgres;
using Parley.Storage.Sqlite;

namespace Parley.Cli;

/// <summary><c>parley [-c FILE] run</c>: validate the configuration, open the database, serve.</summary>
internal static class RunCommand
{
    public static Command Create(Option<string> configOption)
    {
        var command = new Command("run", "Start the server on [server] listen.");
        command.SetAction((result, ct) => RunAsync(result.GetValue(configOption)!, ct));
        return command;
    }

    public static async Task<int> RunAsync(string configOption, CancellationToken ct)
    {
        var configPath = StartupConfig.PathOf(configOption);
        var config = StartupConfig.Load(configOption);
        if (config is null)
        {
            return 1;
        }
        var unmet = ServingRequirements.Check(config, configPath);
        if (unmet.Count > 0)
        {
            foreach (var problem in unmet)
            {
                await Console.Error.WriteLineAsync($"Cannot start: {problem}");
            }
            return 1;
        }
        if (PortProbe.InUse(config.Server.Listen) is { } taken)
        {
            return PortTaken(taken, configPath);
        }
        WebApplication app;
        ServerLock? serverLock = null;
        var postgres = PostgresUrl.Matches(config.General.DbPath);
        try
        {
            app = await BuildWaitingForDatabaseAsync(config, configPath, ct);
            // Held while serving: `restore` refuses to replace a database file that a server is writing to. A PostgreSQL
            // database has no file here; several instances share it by design.
            serverLock = postgres ? null : ServerLock.TryShared(config.General.DbPath);
            if (!postgres && serverLock is null)
            {
                await app.DisposeAsync();
                return Refuse($"Cannot start: a restore of {Path.GetFullPath(config.General.DbPath)} is in progress; start the server when it has finished.");
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return Refuse("Stopped while waiting for the database.");
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
        {
            return Refuse($"Cannot start: {e.Message}");
        }
        using (serverLock)
        await using (app)
        {
            var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Parley");
            if (postgres)
            {
                log.LogInformation("Database: {Url} (PostgreSQL)", PostgresUrl.Masked(config.General.DbPath));
            }
            else
            {
                log.LogInformation("Database: {Path} (SQLite)", Path.GetFullPath(config.General.DbPath));
            }
            if (!postgres && TemporaryPath.Contains(config.General.DbPath))
            {
                log.LogWarning("{Warning}", TemporaryPath.DatabaseWarning(config.General.DbPath, configPath));
            }
            try
            {
                await app.StartAsync(ct);
            }
            catch (IOException e) when (e.InnerException is AddressInUseException)
            {
                // Taken between the probe and the bind.
                return PortTaken(config.Server.Listen, configPath);
            }
            await app.WaitForShutdownAsync(ct);
        }
        return 0;
    }

    // A database server that does not answer yet (booting with the machine, restarting) is waited for, a line each try;
    // one that answers and refuses (password, database name) stops start-up at once.
    private static async Task<WebApplication> BuildWaitingForDatabaseAsync(ParleyConfig config, string configPath, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return ParleyHost.Build(config, new ParleyHostOptions { ConfigPath = configPath });
            }
            catch (DatabaseUnreachableException e)
            {
                var wait = TimeSpan.FromSeconds(Math.Min(5 * attempt, 30));
                await Console.Error.WriteLineAsync($"Waiting for the database (attempt {attempt}): {e.Message}; trying again in {wait.TotalSeconds:F0} s.");
                await Task.Delay(wait, ct);
            }
        }
    }

    private static int PortTaken(string listen, string configPath) =>
        Refuse($"Cannot start: {listen} is already in use by another program (another Parley or Isso?). "
            + $"Stop it, or choose another address: parley -c {configPath} config configure-server --listen http://localhost:8081 ([server] listen).");

    private static int Refuse(string message)
    {
        Console.Error.WriteLine(message);
        return 1;
    }
}
