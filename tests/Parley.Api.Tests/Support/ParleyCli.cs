using System.Diagnostics;

namespace Parley.Api.Tests.Support;

/// <summary>What one run of the command line produced.</summary>
public sealed record CliResult(int ExitCode, string Output, string Error)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}--- stderr\n{Error}";
}

/// <summary>
/// Runs the built <c>parley.dll</c> as a child process, exactly as a user would, with its own standard input,
/// output and environment (no <c>ISSO_SETTINGS</c>, which would win over <c>-c</c>).
/// </summary>
public static class ParleyCli
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public static Task<CliResult> RunAsync(params string[] args) => RunWithInputAsync(null, args);

    public static Task<CliResult> RunWithInputAsync(string? input, params string[] args) =>
        RunDllAsync(RepoPaths.ParleyDll, Timeout, input, args);

    /// <summary>Runs another built dll of the repository (the benchmark harness) the same way.</summary>
    public static async Task<CliResult> RunDllAsync(string dll, TimeSpan timeout, string? input, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment.Remove("ISSO_SETTINGS");
        // Wide enough that help text is not wrapped mid-sentence.
        start.Environment["COLUMNS"] = "300";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input);
        }
        process.StandardInput.Close();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Path.GetFileName(dll)} {string.Join(' ', args)} did not finish within {timeout.TotalSeconds}s");
        }
        return new CliResult(process.ExitCode, await output, await error);
    }
}
