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
        if (config.General.Host.Count == 0)
        {
            await Console.Error.WriteLineAsync("No website(s) configured: set [general] host to the address of the site that embeds the comments.");
            return 1;
        }
        if (config.Admin.Enabled && config.Admin.Password is "" or AdminConfig.SamplePassword)
        {
            // The sample password is printed in Isso's documentation: an admin panel behind it is open to anyone.
            await Console.Error.WriteLineAsync("Cannot start: [admin] enabled = true but no admin password is set. "
                + $"Run `parley -c {configPath} config set-admin-password` to create one, or set [admin] enabled = false.");
            return 1;
        }
        WebApplication app;
        try
        {
            app = ParleyHost.Build(config, new ParleyHostOptions());
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
