using System.Diagnostics;

namespace Parley.Api.Tests.Support;

/// <summary>The built <c>parley.dll</c> run as a child process, for what only the real entry point shows (help, exit codes).</summary>
public static class ParleyCli
{
    public static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "parley.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        // ISSO_SETTINGS would win over -c, as in Isso.
        start.Environment.Remove("ISSO_SETTINGS");
        start.Environment["COLUMNS"] = "300";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}
