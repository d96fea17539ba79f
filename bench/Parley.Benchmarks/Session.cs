using Parley.Benchmarks.Baseline;
using Parley.Benchmarks.Load;
using Parley.Benchmarks.Report;
using Parley.Benchmarks.Servers;
using Parley.Tests.Shared;

namespace Parley.Benchmarks;

/// <summary>Everything one database is used for: its Parley process, the baseline replaying that Parley's answers, and the loads.</summary>
internal sealed record SessionResult(ProcessFigures Parley, ProcessFigures Baseline, IReadOnlyList<EndpointResult> Endpoints);

/// <summary>
/// Runs the endpoints of one database: start Parley and time its first 200, read its idle memory, capture its
/// answers, start the baseline on them, then load each endpoint on Parley and right after on the baseline, so a
/// drift of the machine affects both sides of a ratio alike.
/// </summary>
internal sealed class Session(BenchOptions options, Wrk wrk, string folder, List<string> errors)
{
    private static readonly Endpoint Info = Endpoint.All.Single(e => e.Id == "info");

    public async Task<SessionResult> RunAsync(string database, string databasePath, IReadOnlyList<Endpoint> endpoints, CancellationToken ct)
    {
        var parleyPort = FreePort.Next();
        var config = IssoConfig.Write(folder, databasePath, parleyPort);
        await using var parley = ServerProcess.Start(
            $"Parley ({database} db)", [options.ParleyDll, "-c", config, "run"], Url(parleyPort), Path.Combine(folder, $"parley-{database}.log"));
        var (parleyStart, parleyIdle) = await StartAsync(parley, ct);

        var responses = Path.Combine(folder, $"responses-{database}.json");
        CapturedResponse.Save(responses, await CaptureAsync(parley, endpoints, ct));

        var baselinePort = FreePort.Next();
        await using var baseline = ServerProcess.Start(
            $"baseline ({database} db)",
            [Path.Combine(AppContext.BaseDirectory, "Parley.Benchmarks.dll"), "baseline", "--port", $"{baselinePort}", "--responses", responses],
            Url(baselinePort), Path.Combine(folder, $"baseline-{database}.log"));
        var (baselineStart, baselineIdle) = await StartAsync(baseline, ct);

        var results = new List<EndpointResult>();
        foreach (var endpoint in endpoints)
        {
            var ours = await MeasureAsync(parley, baseline, endpoint, ct);
            var theirs = await MeasureAsync(baseline, parley, endpoint, ct);
            // A baseline that served nothing leaves no ratio (and JSON has no infinity).
            var ratio = theirs.RequestsPerSecond > 0 ? ours.RequestsPerSecond / theirs.RequestsPerSecond : 0;
            var result = new EndpointResult(endpoint.Id, endpoint.Name, endpoint.Database, ours, theirs, ratio);
            results.Add(result);
            Console.WriteLine(FormattableString.Invariant(
                $"  {endpoint.Name}: Parley {ours.RequestsPerSecond:N0} req/s (p99 {ours.P99Ms:0.00} ms), baseline {theirs.RequestsPerSecond:N0} req/s, ratio {result.Ratio:0.00#}"));
        }
        return new SessionResult(
            new ProcessFigures(parley.Name, database, parleyStart, parleyIdle, parley.MemoryMb("VmHWM")),
            new ProcessFigures(baseline.Name, database, baselineStart, baselineIdle, baseline.MemoryMb("VmHWM")),
            results);
    }

    /// <summary>Parley's answer to each endpoint (and to GET /info, which the baseline's readiness check asks).</summary>
    private static async Task<List<CapturedResponse>> CaptureAsync(ServerProcess parley, IReadOnlyList<Endpoint> endpoints, CancellationToken ct)
    {
        var captured = new List<CapturedResponse>();
        try
        {
            foreach (var endpoint in endpoints.Append(Info).DistinctBy(e => (e.Method, e.Target)))
            {
                captured.Add(await ResponseCapture.CaptureAsync(parley.BaseUrl, endpoint, ct));
            }
        }
        catch (BenchError e)
        {
            // An unexpected status usually has its reason in Parley's log.
            throw new BenchError($"{e.Message}\n{parley.LogTail()}");
        }
        return captured;
    }

    private static Uri Url(int port) => new($"http://127.0.0.1:{port}/");

    /// <summary>The time to the first 200 in milliseconds, and the resident memory once the process has settled.</summary>
    private async Task<(double StartMs, double IdleRssMb)> StartAsync(ServerProcess server, CancellationToken ct)
    {
        var start = await server.WaitUntilReadyAsync(ct);
        await Task.Delay(options.IdleSettle, ct);
        var idle = server.MemoryMb("VmRSS");
        Console.WriteLine(FormattableString.Invariant($"  {server.Name}: first 200 after {start.TotalMilliseconds:0} ms, idle RSS {idle:0.0} MB"));
        return (start.TotalMilliseconds, idle);
    }

    /// <summary>A warm-up run (unless disabled) then the measured run, each once both servers have gone quiet.</summary>
    private async Task<LoadResult> MeasureAsync(ServerProcess server, ServerProcess other, Endpoint endpoint, CancellationToken ct)
    {
        if (options.WarmupSeconds > 0)
        {
            await Task.WhenAll(server.WaitUntilQuietAsync(ct), other.WaitUntilQuietAsync(ct));
            Record(server, endpoint, "warm-up", await wrk.LoadAsync(server.BaseUrl, endpoint, options.WarmupSeconds, ct));
            server.EnsureRunning();
        }
        await Task.WhenAll(server.WaitUntilQuietAsync(ct), other.WaitUntilQuietAsync(ct));
        var measured = await wrk.LoadAsync(server.BaseUrl, endpoint, options.DurationSeconds, ct);
        server.EnsureRunning();
        Record(server, endpoint, "measured", measured);
        return measured;
    }

    private void Record(ServerProcess server, Endpoint endpoint, string run, LoadResult result)
    {
        if (result.HasErrors)
        {
            var error = $"{server.Name}, {endpoint.Name}, {run} run: {result.Non2xx} non-2xx responses, {result.SocketErrors} socket errors";
            errors.Add(error);
            Console.WriteLine($"  ERROR {error}");
        }
    }
}
