using System.CommandLine;
using System.Data.Common;
using Parley.Storage.Postgres;

namespace Parley.Cli;

/// <summary>
/// <c>parley -c pg.cfg import-db [--yes] FILE</c>: moves a whole SQLite database (Isso's or Parley's) into the PostgreSQL
/// database the configuration names, ids, votes, session key, mail outbox and event log included.
/// </summary>
internal static class ImportDbCommand
{
    public static Command Create(Option<string> configOption)
    {
        var file = new Argument<string>("FILE") { Description = "The SQLite database to move: Isso's comments.db (any version) or Parley's." };
        var yes = new Option<bool>("--yes", "-y") { Description = "Replace what the PostgreSQL database already holds." };
        var command = new Command("import-db", "Copy a whole SQLite database into the PostgreSQL database of [general] dbpath, in one transaction.")
        {
            file, yes,
        };
        command.SetAction((result, ct) => RunAsync(result.GetValue(configOption)!, result.GetValue(file)!, result.GetValue(yes), CliConsole.System, ct));
        return command;
    }

    public static async Task<int> RunAsync(string configPath, string file, bool yes, CliConsole console, CancellationToken ct)
    {
        var config = StartupConfig.Load(configPath);
        if (config is null)
        {
            return 1;
        }
        if (!PostgresUrl.Matches(config.General.DbPath))
        {
            await console.Error.WriteLineAsync(
                $"import-db failed: it copies into PostgreSQL, and [general] dbpath of {configPath} is a SQLite file; " +
                "set it to postgresql://user:password@host:port/dbname first.");
            return 1;
        }
        if (!File.Exists(file))
        {
            await console.Error.WriteLineAsync($"import-db failed: {file} does not exist.");
            return 1;
        }
        try
        {
            var counts = await PostgresMove.FromSqliteAsync(file, config.General.DbPath, yes, ct);
            await console.Out.WriteLineAsync(
                $"{counts.Threads} threads, {counts.Comments} comments, {counts.Mails} waiting mails, {counts.Events} events " +
                $"copied into {PostgresUrl.Masked(config.General.DbPath)}");
            await console.Out.WriteLineAsync("The session key moved too: restart every Parley instance on this database so they sign with it.");
            return 0;
        }
        catch (TargetNotEmptyException e)
        {
            await console.Error.WriteLineAsync($"import-db failed: {e.Message}; pass --yes to replace them. Nothing was changed.");
            return 1;
        }
        catch (Exception e) when (e is DbException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            await console.Error.WriteLineAsync($"import-db failed: {e.Message}. Nothing was changed.");
            return 1;
        }
    }
}
