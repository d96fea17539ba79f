using Parley.Core.Comments;
using Parley.Core.Import;

namespace Parley.Cli;

/// <summary>What <c>import --dry-run</c> prints: threads, comments per mode, comments left out.</summary>
internal static class ImportReport
{
    public static async Task WriteDryRunAsync(TextWriter output, ImportedData data)
    {
        var modes = data.Threads.SelectMany(t => t.Comments).GroupBy(c => c.Mode).ToDictionary(g => g.Key, g => g.Count());
        await output.WriteLineAsync($"dry run: nothing was changed; this file would import");
        await output.WriteLineAsync($"  threads:   {data.Threads.Count}");
        await output.WriteLineAsync($"  published: {modes.GetValueOrDefault(CommentMode.Published)}");
        await output.WriteLineAsync($"  pending:   {modes.GetValueOrDefault(CommentMode.Pending)}");
        await output.WriteLineAsync($"  deleted (kept as placeholders): {modes.GetValueOrDefault(CommentMode.Deleted)}");
        await output.WriteLineAsync($"  skipped:   {data.Skipped.Count}");
        await output.WriteLineAsync($"{data.Threads.Count} threads, {data.CommentCount} comments");
    }
}
