using System.Diagnostics;
using System.Text;

namespace Parley.Api.Tests.Lifecycle;

/// <summary>A published copy of Parley started as its own process, on a free loopback port, from a config file.</summary>
public sealed class InstalledServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private InstalledServer(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }
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

    public static async Task<InstalledServer> StartAsync(string app, string config, int port)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(app, "parley.dll"));
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(config);
        start.ArgumentList.Add("run");
        start.Environment.Remove("ISSO_SETTINGS");
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var server = new InstalledServer(process, new Uri($"http://127.0.0.1:{port}/"));
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(60))
        {
            Assert.False(process.HasExited, $"parley exited with {(process.HasExited ? process.ExitCode : 0)}:\n{server.Output}");
            try
            {
                using var info = await client.GetAsync(new Uri(server.Address, "info"));
                if (info.IsSuccessStatusCode)
                {
                    return server;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Not answering yet.
            }
            await Task.Delay(100);
        }
        await server.DisposeAsync();
        throw new TimeoutException("parley did not answer /info within 60 s");
    }

    /// <summary>The server built with the tests' configuration, started from its build folder.</summary>
    public static Task<InstalledServer> StartBuiltAsync(string config, int port) =>
        StartAsync(Path.GetDirectoryName(Support.RepoPaths.ParleyDll)!, config, port);

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    /// <summary>Stops the server as systemd or docker would: SIGTERM, then waits for a clean exit.</summary>
    public async Task StopAsync()
    {
        if (_process.HasExited)
        {
            return;
        }
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill!.WaitForExitAsync();
        }
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    /// <summary>Ends the server as a crash or the OOM killer would: SIGKILL, so no shutdown code runs.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process.Dispose();
    }
}
