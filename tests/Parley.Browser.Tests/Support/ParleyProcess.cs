using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;

namespace Parley.Browser.Tests.Support;

/// <summary>
/// The real server, <c>dotnet parley.dll -c isso.cfg run</c>, as a child process on a loopback port over its own
/// temporary <c>comments.db</c>. Stopping it is how a test makes the comment server go away.
/// </summary>
public sealed class ParleyProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly string _directory;
    private readonly StringBuilder _output = new();
    private TaskCompletionSource _outputGrew = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ParleyProcess(Process process, string directory, Uri origin)
    {
        _process = process;
        _directory = directory;
        Origin = origin;
    }

    /// <summary><c>http://localhost:port/</c>.</summary>
    public Uri Origin { get; }

    /// <summary><c>http://localhost:port</c>, as browsers write an origin.</summary>
    public string OriginText => Origin.GetLeftPart(UriPartial.Authority);

    /// <summary>The temporary <c>comments.db</c>; its folder is deleted on dispose.</summary>
    public string DatabasePath => Path.Combine(_directory, "comments.db");

    /// <summary>The <c>isso.cfg</c> the server was started with (<c>-c</c>), which it watches.</summary>
    public string ConfigPath => Path.Combine(_directory, "isso.cfg");

    /// <summary>The server's process id, for signals.</summary>
    public int ProcessId => _process.Id;

    /// <summary>What the server wrote to standard output and error so far.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts Parley for the website at <paramref name="siteOrigin"/>, with <paramref name="settings"/> over the test defaults.</summary>
    public static Task<ParleyProcess> StartAsync(string siteOrigin, params ConfigSetting[] settings) =>
        StartFromAsync(RepoPaths.ParleyDll, siteOrigin, settings);

    /// <summary>Starts the server in <paramref name="dll"/>, e.g. a published copy.</summary>
    public static async Task<ParleyProcess> StartFromAsync(string dll, string siteOrigin, params ConfigSetting[] settings)
    {
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"{dll} is missing: build src/Parley first (the test project's reference does).", dll);
        }
        var directory = Path.Combine(Path.GetTempPath(), "parley-browser-" + Guid.NewGuid().ToString("n"));
        Directory.CreateDirectory(directory);
        var origin = new Uri("http://localhost:" + FreePort.Next().ToString(CultureInfo.InvariantCulture));
        var config = Path.Combine(directory, "isso.cfg");
        await File.WriteAllTextAsync(config, Config(directory, siteOrigin, origin, settings));

        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = directory,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(config);
        start.ArgumentList.Add("run");
        // ISSO_SETTINGS would win over -c, as in Isso; the test's file must be the one read.
        start.Environment.Remove("ISSO_SETTINGS");
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var parley = new ParleyProcess(process, directory, origin);
        process.OutputDataReceived += (_, e) => parley.Append(e.Data);
        process.ErrorDataReceived += (_, e) => parley.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await parley.WaitUntilAnsweringAsync();
        }
        catch
        {
            await parley.DisposeAsync();
            throw;
        }
        return parley;
    }

    // The guard is off so a test can post many comments quickly; tests of its rules switch it back on.
    private static string Config(string directory, string siteOrigin, Uri origin, ConfigSetting[] settings) => ConfigSetting.Render(
        [
            new("general", "dbpath", Path.Combine(directory, "comments.db")),
            new("general", "host", "\n" + siteOrigin + "\n" + origin.GetLeftPart(UriPartial.Authority)),
            new("server", "listen", origin.GetLeftPart(UriPartial.Authority)),
            new("guard", "enabled", "false"),
        ],
        settings);

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        TaskCompletionSource grew;
        lock (_output)
        {
            _output.AppendLine(line);
            grew = _outputGrew;
            _outputGrew = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        grew.SetResult();
    }

    /// <summary>The first line of the server's output containing <paramref name="text"/>, once it is written.</summary>
    public async Task<string> WaitForLineAsync(string text)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            Task grew;
            lock (_output)
            {
                var found = _output.ToString().Split('\n').FirstOrDefault(l => l.Contains(text, StringComparison.Ordinal));
                if (found is not null)
                {
                    return found.TrimEnd('\r');
                }
                grew = _outputGrew.Task;
            }
            try
            {
                await grew.WaitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Parley wrote no line with \"{text}\" within 30 s:\n{Output}");
            }
        }
    }

    /// <summary>Runs the command line, <c>dotnet parley.dll ARGS</c>, as the site owner would next to the server.</summary>
    public static async Task<(int ExitCode, string Output)> RunCommandAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(RepoPaths.ParleyDll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment.Remove("ISSO_SETTINGS");
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }

    /// <summary>Sends the server a signal by name (<c>HUP</c>, <c>TERM</c>…), as <c>kill -HUP</c> or systemd's reload would.</summary>
    public async Task SignalAsync(string name)
    {
        using var kill = Process.Start("kill", ["-" + name, ProcessId.ToString(CultureInfo.InvariantCulture)])
            ?? throw new InvalidOperationException("kill did not start");
        await kill.WaitForExitAsync();
        Assert.Equal(0, kill.ExitCode);
    }

    /// <summary>Whether the server process is still running.</summary>
    public bool IsRunning => !_process.HasExited;

    private async Task WaitUntilAnsweringAsync()
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartTimeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"Parley exited with {_process.ExitCode} before answering:\n{Output}");
            }
            try
            {
                using var response = await client.GetAsync(new Uri(Origin, "/info"));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Listening but slow to answer on a busy machine; ask again.
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"Parley did not answer GET /info within {StartTimeout.TotalSeconds}s:\n{Output}");
    }

    /// <summary>Runs <c>parley -c isso.cfg &lt;args&gt;</c> on this server's configuration, as its owner would beside it.</summary>
    public Task<(int ExitCode, string Output)> RunOnConfigAsync(params string[] args) => RunCommandAsync(["-c", ConfigPath, .. args]);

    /// <summary>Kills the server, as a crash or an outage would; the database stays for inspection.</summary>
    public async Task StopAsync()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It had already exited (a failed start); there is nothing left to stop.
        }
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by the OS is left for the temp cleaner; no test depends on it.
        }
    }
}
