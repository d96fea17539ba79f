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
/// drift of the machine affects both sides of a ratio alike. The balanced database runs two Parley processes behind
/// Caddy, and the load goes to Caddy.
/// </summary>
internal sealed class Session(BenchOptions options, Wrk wrk, string folder, List<string> errors)
{
    private static readonly Endpoint Info = Endpoint.All.Single(e => e.Id == "info");

    public async Task<SessionResult> RunAsync(string database, string databasePath, IReadOnlyList<Endpoint> endpoints, CancellationToken ct)
    {
        var instances = database == Endpoint.Balanced ? 2 : 1;
        var parleys = new List<ServerProcess>();
        CaddyProcess? balancer = null;
        try
        {
            var figures = new List<(double Start, double Idle)>();
            for (var i = 0; i < instances; i++)
            {
                var port = FreePort.Next();
                var name = instances == 1 ? database : $"{database}-{"ab"[i]}";
                var config = IssoConfig.Write(folder, databasePath, port, name);
                parleys.Add(ServerProcess.Start(
                    $"Parley ({name} db)", [options.ParleyDll, "-c", config, "run"], Url(port), Path.Combine(folder, $"parley-{name}.log")));
                figures.Add(await StartAsync(parleys[^1], ct));
            }
            var front = parleys[0].BaseUrl;
            if (instances > 1)
            {
                front = Url(FreePort.Next());
                balancer = await CaddyProcess.StartAsync(new CaddySite(front, [.. parleys.Select(p => p.BaseUrl.Authority)]));
            }

            var responses = Path.Combine(folder, $"responses-{database}.json");
            CapturedResponse.Save(responses, await CaptureAsync(front, parleys, endpoints, ct));

            var baselinePort = FreePort.Next();
            await using var baseline = ServerProcess.Start(
                $"baseline ({database} db)",
                [Path.Combine(AppContext.BaseDirectory, "Parley.Benchmarks.dll"), "baseline", "--port", $"{baselinePort}", "--responses", responses],
                Url(baselinePort), Path.Combine(folder, $"baseline-{database}.log"));
            var (baselineStart, baselineIdle) = await StartAsync(baseline, ct);

            var results = new List<EndpointResult>();
            foreach (var endpoint in endpoints)
            {
                var ours = await MeasureAsync(front, parleys[0].Name, [.. parleys, baseline], endpoint, ct);
                var theirs = await MeasureAsync(baseline.BaseUrl, baseline.Name, [baseline, .. parleys], endpoint, ct);
                // A baseline that served nothing leaves no ratio (and JSON has no infinity).
                var ratio = theirs.RequestsPerSecond > 0 ? ours.RequestsPerSecond / theirs.RequestsPerSecond : 0;
                var result = new EndpointResult(endpoint.Id, endpoint.Name, endpoint.Database, ours, theirs, ratio);
                results.Add(result);
                Console.WriteLine(FormattableString.Invariant(
                    $"  {endpoint.Name}: Parley {ours.RequestsPerSecond:N0} req/s (p99 {ours.P99Ms:0.00} ms), baseline {theirs.RequestsPerSecond:N0} req/s, ratio {result.Ratio:0.00#}"));
            }
            return new SessionResult(
                new ProcessFigures(parleys[0].Name, database, figures.Max(f => f.Start), figures.Max(f => f.Idle), parleys.Max(p => p.MemoryMb("VmHWM"))),
                new ProcessFigures(baseline.Name, database, baselineStart, baselineIdle, baseline.MemoryMb("VmHWM")),
                results);
        }
        finally
        {
            if (balancer is not null)
            {
                await balancer.DisposeAsync();
            }
            foreach (var parley in parleys)
            {
                await parley.DisposeAsync();
            }
        }
    }

    /// <summary>Parley's answer to each endpoint (and to GET /info, which the baseline's readiness check asks).</summary>
    private static async Task<List<CapturedResponse>> CaptureAsync(Uri front, IReadOnlyList<ServerProcess> parleys,
        IReadOnlyList<Endpoint> endpoints, CancellationToken ct)
    {
        var captured = new List<CapturedResponse>();
        try
        {
            foreach (var endpoint in endpoints.Append(Info).DistinctBy(e => (e.Method, e.Target)))
            {
                captured.Add(await ResponseCapture.CaptureAsync(front, endpoint, ct));
            }
        }
        catch (BenchError e)
        {
            // An unexpected status usually has its reason in Parley's log.
            throw new BenchError($"{e.Message}\n{string.Join("\n", parleys.Select(p => p.LogTail()))}");
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

    /// <summary>A warm-up run (unless disabled) then the measured run at <paramref name="target"/>, each once every process has gone quiet.</summary>
    private async Task<LoadResult> MeasureAsync(Uri target, string name, IReadOnlyList<ServerProcess> processes, Endpoint endpoint, CancellationToken ct)
    {
        if (options.WarmupSeconds > 0)
        {
            await Task.WhenAll(processes.Select(p => p.WaitUntilQuietAsync(ct)));
            Record(name, endpoint, "warm-up", await wrk.LoadAsync(target, endpoint, options.WarmupSeconds, ct));
            EnsureRunning(processes);
        }
        await Task.WhenAll(processes.Select(p => p.WaitUntilQuietAsync(ct)));
        var measured = await wrk.LoadAsync(target, endpoint, options.DurationSeconds, ct);
        EnsureRunning(processes);
        Record(name, endpoint, "measured", measured);
        return measured;
    }

    private static void EnsureRunning(IReadOnlyList<ServerProcess> processes)
    {
        foreach (var process in processes)
        {
            process.EnsureRunning();
        }
    }

    private void Record(string name, Endpoint endpoint, string run, LoadResult result)
    {
        if (result.HasErrors)
        {
            var error = $"{name}, {endpoint.Name}, {run} run: {result.Non2xx} non-2xx responses, {result.SocketErrors} socket errors";
            errors.Add(error);
            Console.WriteLine($"  ERROR {error}");
        }
    }
}
