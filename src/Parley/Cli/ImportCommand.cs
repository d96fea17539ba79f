using System.CommandLine;
using System.Data.Common;
using Parley.Core.Import;
using Parley.Core.Storage;
using Parley.Storage;

namespace Parley.Cli;

/// <summary>What <c>parley import</c> was asked to do.</summary>
internal sealed record ImportArgs(string ConfigPath, string File, string? Type = null, bool DryRun = false, bool Yes = false);

/// <summary><c>parley [-c FILE] import [--type T] [--dry-run] [--empty-id] [--yes] FILE</c> (spec/import.md).</summary>
internal static class ImportCommand
{
    public static Command Create(Option<string> configOption)
    {
        var file = new Argument<string>("FILE") { Description = "The export to import: Disqus XML, WordPress WXR, Isso's generic JSON or a Parley export." };
        var type = new Option<string?>("--type", "-t")
        {
            Description = "The file's format (disqus, wordpress, generic, parley); detected from the file when left out.",
        };
        type.AcceptOnlyFromAmong("disqus", "wordpress", "generic", "parley");
        var dryRun = new Option<bool>("--dry-run", "-n") { Description = "Read and check the whole file, print what would be imported, change nothing." };
        var emptyId = new Option<bool>("--empty-id") { Description = "Accepted for compatibility with Isso; Parley imports Disqus threads without it." };
        var yes = new Option<bool>("--yes", "-y") { Description = "Import into a database that already holds comments without asking." };
        var command = new Command("import", "Import comments from a Disqus, WordPress, Isso JSON or Parley export, all or nothing.")
        {
            file, type, dryRun, emptyId, yes,
        };
        command.SetAction((result, ct) => RunAsync(
            new ImportArgs(result.GetValue(configOption)!, result.GetValue(file)!, result.GetValue(type), result.GetValue(dryRun), result.GetValue(yes)),
            CliConsole.System, ct));
        return command;
    }

    public static async Task<int> RunAsync(ImportArgs args, CliConsole console, CancellationToken ct)
    {
        var config = StartupConfig.Load(args.ConfigPath);
        if (config is null)
        {
            return 1;
        }
        ImportedData data;
        try
        {
            data = Read(args);
        }
        catch (Exception e) when (e is ImportException or IOException or UnauthorizedAccessException)
        {
            await console.Error.WriteLineAsync($"import failed: {e.Message}");
            return 1;
        }
        foreach (var line in data.Skipped)
        {
            await console.Out.WriteLineAsync($"skipped: {line}");
        }
        if (args.DryRun)
        {
            await ImportReport.WriteDryRunAsync(console.Out, data);
            return 0;
        }
        try
        {
            using var store = StoreFactory.Open(config);
            if (!await MayWriteAsync(store, args, console, ct))
            {
                return 1;
            }
            var progress = console.ShowsProgress ? new TerminalProgress(console.Out, data.CommentCount, "comments") : null;
            var counts = await store.ImportAsync(data.Threads, progress, ct);
            await console.Out.WriteLineAsync($"{counts.Threads} threads, {counts.Comments} comments");
            return 0;
        }
        catch (Exception e) when (e is DbException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            await console.Error.WriteLineAsync($"import failed: {e.Message}");
            return 1;
        }
    }

    private static ImportedData Read(ImportArgs args)
    {
        using var input = System.IO.File.OpenRead(args.File);
        var format = args.Type is null ? ImportDetector.Detect(input) : ImportDetector.Named(args.Type);
        return format.Read(input);
    }

    // Isso asks before adding to a database in use; without a terminal to ask on, --yes must say so.
    private static async Task<bool> MayWriteAsync(ICommentStore store, ImportArgs args, CliConsole console, CancellationToken ct)
    {
        if (args.Yes || (await store.CountByModeAsync(ct)).Values.Sum() == 0)
        {
            return true;
        }
        if (!console.CanPrompt)
        {
            await console.Error.WriteLineAsync("import failed: the database is not empty; pass --yes to import into it anyway");
            return false;
        }
        await console.Out.WriteAsync("Database is not empty. Continue? [y/N] ");
        if (await console.In.ReadLineAsync(ct) is "y" or "Y")
        {
            return true;
        }
        await console.Error.WriteLineAsync("Abort.");
        return false;
    }
}
