using System.Diagnostics;
using System.Globalization;

namespace Parley.Benchmarks.Load;

/// <summary>Runs Debian's wrk against one endpoint (a Lua script sets method, body and Content-Type for POSTs) or with a script of its own.</summary>
internal sealed class Wrk(string executable, string scriptFolder, int connections)
{
    public const int Threads = 2;

    // A slow answer is a latency, not an error: with wrk's 2 s default the slowest requests would drop out of the
    // percentiles and be counted as socket errors.
    public const string Timeout = "30s";

    public string Executable { get; } = executable;

    public int Connections { get; } = connections;

    /// <summary>wrk on the PATH, or a message saying how to get it.</summary>
    public static Wrk Locate(string scriptFolder, int connections)
    {
        var path = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, "wrk"))
            .FirstOrDefault(File.Exists);
        return path is null
            ? throw new BenchError("wrk is not installed: run bench/run.sh (it installs it) or 'apt-get install wrk'")
            : new Wrk(path, scriptFolder, connections);
    }

    /// <summary>wrk's version as <c>-v</c> prints it, e.g. "wrk 4.1.0 [epoll]" (without the copyright after it).</summary>
    public async Task<string> VersionAsync(CancellationToken ct)
    {
        var (_, output, error) = await RunAsync(["-v"], ct);
        var line = (output + error).Split('\n')[0];
        var copyright = line.IndexOf(" Copyright", StringComparison.Ordinal);
        return (copyright > 0 ? line[..copyright] : line).Trim();
    }

    public async Task<LoadResult> LoadAsync(Uri baseUrl, Endpoint endpoint, int seconds, CancellationToken ct)
    {
        var script = endpoint.JsonBody is null ? null : Script(endpoint);
        var (result, _) = await LoadAsync(new Uri(baseUrl, endpoint.Target), script, [], seconds, ct);
        return result;
    }

    /// <summary>
    /// A load driven by a script of its own, given <paramref name="scriptArguments"/> (wrk's arguments after "--");
    /// wrk's whole output comes back too, for what the script prints when it is done.
    /// </summary>
    public async Task<(LoadResult Result, string Output)> LoadAsync(
        Uri url, string? script, IReadOnlyList<string> scriptArguments, int seconds, CancellationToken ct)
    {
        List<string> arguments =
        [
            $"-t{Threads}", $"-c{Connections}", string.Create(CultureInfo.InvariantCulture, $"-d{seconds}s"), "--latency", "--timeout", Timeout,
        ];
        if (script is not null)
        {
            arguments.AddRange(["-s", script]);
        }
        arguments.Add(url.AbsoluteUri);
        if (scriptArguments.Count > 0)
        {
            arguments.Add("--");
            arguments.AddRange(scriptArguments);
        }
        var (exit, output, error) = await RunAsync(arguments, ct);
        if (exit != 0)
        {
            throw new BenchError($"wrk {string.Join(' ', arguments)} failed (exit {exit}):\n{output}{error}");
        }
        return (LoadResult.Parse(output), output);
    }

    private string Script(Endpoint endpoint)
    {
        var path = Path.Combine(scriptFolder, $"{endpoint.Id}.lua");
        // A long bracket string takes the JSON as is (the bodies never contain "]==]").
        File.WriteAllText(path, $"""
            wrk.method = "{endpoint.Method}"
            wrk.body = [==[{endpoint.JsonBody}]==]
            wrk.headers["Content-Type"] = "application/json"

            """);
        return path;
    }

    private async Task<(int Exit, string Output, string Error)> RunAsync(IEnumerable<string> arguments, CancellationToken ct)
    {
        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start) ?? throw new BenchError("wrk did not start");
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var error = process.StandardError.ReadToEndAsync(ct);
        try
        {
            await process.WaitForExitAsync(ct);
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            throw;
        }
        return (process.ExitCode, await output, await error);
    }
}
