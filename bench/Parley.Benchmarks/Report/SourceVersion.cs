using System.Diagnostics;

namespace Parley.Benchmarks.Report;

/// <summary>Which source was measured: <c>git describe --always --dirty</c> of the checkout, when there is one.</summary>
internal static class SourceVersion
{
    public static async Task<string> DescribeAsync(string? repoRoot, CancellationToken ct)
    {
        if (repoRoot is null)
        {
            return "unknown";
        }
        var start = new ProcessStartInfo("git")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])["-C", repoRoot, "describe", "--always", "--dirty"])
        {
            start.ArgumentList.Add(argument);
        }
        try
        {
            using var process = Process.Start(start);
            if (process is null)
            {
                return "unknown";
            }
            var output = await process.StandardOutput.ReadToEndAsync(ct);
            _ = await process.StandardError.ReadToEndAsync(ct);
            await process.WaitForExitAsync(ct);
            return process.ExitCode == 0 ? output.Trim() : "unknown";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // No git on this machine: the figures are still worth having.
            return "unknown";
        }
    }
}
