using System.CommandLine;
using System.Data.Common;
using Parley.Core.Import;
using Parley.Storage;

namespace Parley.Cli;

/// <summary><c>parley [-c FILE] export [-o FILE]</c>: every thread and comment as Parley's export JSON (README "Export format").</summary>
internal static class ExportCommand
{
    public static Command Create(Option<string> configOption)
    {
        var output = new Option<string?>("--output", "-o") { Description = "Write the export to this file instead of standard output.", HelpName = "FILE" };
        var command = new Command("export", "Write every thread and comment, all fields, as JSON that 'parley import' reads back.") { output };
        command.SetAction((result, ct) => RunAsync(result.GetValue(configOption)!, result.GetValue(output), CliConsole.System, TimeProvider.System, ct));
        return command;
    }

    public static async Task<int> RunAsync(string configPath, string? outputPath, CliConsole console, TimeProvider time, CancellationToken ct)
    {
        var config = StartupConfig.Load(configPath);
        if (config is null)
        {
            return 1;
        }
        if (outputPath is not null && OutputFile.Problem(outputPath, "-o") is { } problem)
        {
            await console.Error.WriteLineAsync($"export failed: {problem}.");
            return 1;
        }
        // Written beside the target and renamed at the end, so a failed export never leaves half a file behind.
        var partial = outputPath is null ? null : Path.GetFullPath(outputPath) + ".partial";
        try
        {
            using var store = StoreFactory.Open(config);
            var threads = await store.ExportAsync(ct);
            await using (var output = partial is null ? console.OpenStandardOutput() : OutputFile.CreatePrivate(partial))
            {
                await ParleyExport.WriteAsync(output, threads, time.GetUtcNow(), ct);
            }
            if (partial is not null)
            {
                File.Move(partial, outputPath!, overwrite: true);
            }
            // The summary goes to standard error so that standard output stays pure JSON.
            await console.Error.WriteLineAsync($"{threads.Count} threads, {threads.Sum(t => t.Comments.Count)} comments");
            return 0;
        }
        catch (Exception e) when (e is DbException or IOException or UnauthorizedAccessException)
        {
            await console.Error.WriteLineAsync($"export failed: {e.Message}");
            if (partial is not null && File.Exists(partial))
            {
                File.Delete(partial);
            }
            return 1;
        }
    }
}
