using System.Diagnostics;
using System.Globalization;

namespace Parley.Benchmarks.Servers;

/// <summary>
/// A server under test as a child process (Parley or the baseline): output written straight to a log file, the
/// time from start to its first 200, and its memory as the kernel reports it.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(5);
    private static readonly TimeSpan QuietSample = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan QuietTimeout = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly Stopwatch _sinceStart;

    private ServerProcess(string name, Process process, string logPath, Stopwatch sinceStart, Uri baseUrl)
    {
        Name = name;
        _process = process;
        LogPath = logPath;
        _sinceStart = sinceStart;
        BaseUrl = baseUrl;
    }

    public string Name { get; }

    public Uri BaseUrl { get; }

    public string LogPath { get; }

    /// <summary>The time since the process was started.</summary>
    public TimeSpan SinceStart => _sinceStart.Elapsed;

    /// <summary>Starts <c>dotnet</c> with <paramref name="arguments"/>; the clock for <c>WaitUntilReadyAsync</c> starts here.</summary>
    public static ServerProcess Start(string name, IEnumerable<string> arguments, Uri baseUrl, string logPath)
    {
        // The shell only redirects and then becomes dotnet (exec, same pid): the server writes its log to the file
        // itself. Piping it through this process would cost cores the measurement needs, and a slow reader would
        // hold up Parley's logging (its stdout notifications log every new comment).
        var start = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("log=$1; shift; exec \"$@\" >\"$log\" 2>&1");
        start.ArgumentList.Add("sh");
        start.ArgumentList.Add(logPath);
        start.ArgumentList.Add(DotnetHost());
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        // ISSO_SETTINGS would win over -c; both servers run as in production whatever the caller's shell says.
        start.Environment.Remove("ISSO_SETTINGS");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";

        var clock = Stopwatch.StartNew();
        var process = Process.Start(start) ?? throw new BenchError($"{name}: dotnet did not start");
        return new ServerProcess(name, process, logPath, clock, baseUrl);
    }

    /// <summary>Polls <c>GET /info</c> until it answers 200; returns the time since the process was started.</summary>
    public async Task<TimeSpan> WaitUntilReadyAsync(CancellationToken ct)
    {
        using var client = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(2) };
        return (await WaitUntilReadyAsync(client, ct)).SinceStart;
    }

    /// <summary>
    /// Polls <c>GET /info</c> through <paramref name="client"/> until it answers 200; returns the time since the
    /// process was started and how long that first successful request took.
    /// </summary>
    public async Task<(TimeSpan SinceStart, TimeSpan Request)> WaitUntilReadyAsync(HttpClient client, CancellationToken ct)
    {
        while (_sinceStart.Elapsed < ReadyTimeout)
        {
            if (_process.HasExited)
            {
                throw new BenchError($"{Name} exited with code {_process.ExitCode} before answering.\n{LogTail()}");
            }
            var sent = Stopwatch.StartNew();
            try
            {
                using var response = await client.GetAsync(new Uri("/info", UriKind.Relative), ct);
                if ((int)response.StatusCode == 200)
                {
                    return (_sinceStart.Elapsed, sent.Elapsed);
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(PollInterval, ct);
        }
        throw new BenchError($"{Name} did not answer GET {BaseUrl}info with 200 within {ReadyTimeout.TotalSeconds:0} s.\n{LogTail()}");
    }

    /// <summary>Fails with the log's tail when the server has died (e.g. under load), so the cause is on screen.</summary>
    public void EnsureRunning()
    {
        if (_process.HasExited)
        {
            throw new BenchError($"{Name} exited with code {_process.ExitCode}.\n{LogTail()}");
        }
    }

    /// <summary>
    /// Waits until the server uses under a tenth of a core (or 30 s have passed). When wrk stops, a slow server is
    /// still working through the requests it had accepted; the next load must not share the cores with them.
    /// </summary>
    public async Task WaitUntilQuietAsync(CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var before = CpuTicks();
        while (clock.Elapsed < QuietTimeout)
        {
            await Task.Delay(QuietSample, ct);
            var now = CpuTicks();
            // Clock ticks are 10 ms: at most 2 in 200 ms is 10% of one core.
            if (now - before <= 2)
            {
                return;
            }
            before = now;
        }
    }

    /// <summary>A memory figure of <c>/proc/&lt;pid&gt;/status</c> (VmRSS now, VmHWM the peak so far) in MB.</summary>
    public double MemoryMb(string field)
    {
        foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
        {
            if (line.StartsWith(field + ":", StringComparison.Ordinal))
            {
                var kb = line[(field.Length + 1)..].Trim().Split(' ')[0];
                return long.Parse(kb, CultureInfo.InvariantCulture) / 1024.0;
            }
        }
        throw new BenchError($"{Name}: no {field} in /proc/{_process.Id}/status");
    }

    /// <summary>CPU time used so far (user and system) in clock ticks, from <c>/proc/&lt;pid&gt;/stat</c>.</summary>
    private long CpuTicks()
    {
        var stat = File.ReadAllText($"/proc/{_process.Id}/stat");
        // The command name in parentheses may hold spaces; utime and stime are the 12th and 13th fields after it.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
    }

    /// <summary>The last lines of the server's output, to show when something went wrong.</summary>
    public string LogTail(int lines = 40)
    {
        if (!File.Exists(LogPath))
        {
            return $"--- {LogPath} was not written";
        }
        using var reader = new StreamReader(new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
        var all = reader.ReadToEnd().Split('\n');
        return $"--- last lines of {LogPath}\n{string.Join('\n', all.TakeLast(lines))}";
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    /// <summary>The dotnet host running this harness when there is one, so both children use the same runtime.</summary>
    private static string DotnetHost()
    {
        var self = Environment.ProcessPath;
        return self is not null && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self : "dotnet";
    }
}
