using System.CommandLine;
using Parley.Core.Config;
using Parley.Hosting;

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

    public static async Task<int> RunAsync(string configPath, CancellationToken ct)
    {
        var config = StartupConfig.Load(configPath);
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
        WebApplication app;
        try
        {
            app = ParleyHost.Build(config, new ParleyHostOptions { ConfigPath = StartupConfig.PathOf(configPath) });
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
        {
            await Console.Error.WriteLineAsync($"Cannot start: {e.Message}");
            return 1;
        }
        await using (app)
        {
            await app.RunAsync(ct);
        }
        return 0;
    }
}
