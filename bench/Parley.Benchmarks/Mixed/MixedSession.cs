using System.Globalization;
using Parley.Benchmarks.Load;
using Parley.Benchmarks.Report;
using Parley.Benchmarks.Seeding;
using Parley.Benchmarks.Servers;
using Parley.Tests.Shared;

namespace Parley.Benchmarks.Mixed;

/// <summary>
/// Reads and writes at once on a Parley of its own: once its likes are known to count and each thread has been
/// rendered once, first the fetches alone, then the mix, on the same server with the same connections. The fetches alone go first because the mix adds comments: a fetch of a thread it has grown
/// is slower, so the ratio can only come out low, never flattered.
/// </summary>
internal sealed class MixedSession(BenchOptions options, Wrk wrk, string folder, List<string> errors)
{
    private static readonly string Script = Path.Combine(AppContext.BaseDirectory, "Mixed", "mixed.lua");

    public async Task<MixedResult> RunAsync(string databasePath, IReadOnlyList<long> commentIds, CancellationToken ct)
    {
        var port = FreePort.Next();
        var config = IssoConfig.Write(folder, databasePath, port, Path.GetFileNameWithoutExtension(databasePath));
        await using var parley = ServerProcess.Start("Parley (mixed db)", [options.ParleyDll, "-c", config, "run"],
            new Uri($"http://127.0.0.1:{port}/"), Path.Combine(folder, "parley-mixed.log"));
        await parley.WaitUntilReadyAsync(ct);
        using (var client = new HttpClient { BaseAddress = parley.BaseUrl, Timeout = TimeSpan.FromSeconds(30) })
        {
            await Preparation.CheckLikesCountAsync(client, commentIds[0], ct);
            await Preparation.RenderEachThreadAsync(client, ct);
        }
        var ids = Path.Combine(folder, "mixed-ids.txt");
        await File.WriteAllLinesAsync(ids, commentIds.Select(id => id.ToString(CultureInfo.InvariantCulture)), ct);

        var (readOnly, _) = await MeasureAsync(parley, LoadMix.ReadOnly, ids, ct);
        var (mixed, sent) = await MeasureAsync(parley, LoadMix.Mixed, ids, ct);
        var ratio = readOnly.RequestsPerSecond > 0 ? mixed.RequestsPerSecond / readOnly.RequestsPerSecond : 0;
        Console.WriteLine(FormattableString.Invariant(
            $"  mixed {mixed.RequestsPerSecond:N0} req/s (p99 {mixed.P99Ms:0.00} ms), fetches alone {readOnly.RequestsPerSecond:N0} req/s (p99 {readOnly.P99Ms:0.00} ms), ratio {ratio:0.00#}, non-2xx {mixed.Non2xx}"));
        return new MixedResult(MixedThreads.Count, options.Scale.MixedThreadComments, LoadMix.Mixed, mixed, readOnly, ratio, sent);
    }

    /// <summary>A warm-up run (unless disabled) then the measured run, each once the server has gone quiet.</summary>
    private async Task<(LoadResult Result, IReadOnlyDictionary<string, long> Sent)> MeasureAsync(ServerProcess parley, LoadMix mix, string ids, CancellationToken ct)
    {
        string[] arguments = [mix.Argument, ids, .. MixedThreads.Uris];
        if (options.WarmupSeconds > 0)
        {
            await parley.WaitUntilQuietAsync(ct);
            var (warm, _) = await wrk.LoadAsync(parley.BaseUrl, Script, arguments, options.WarmupSeconds, ct);
            parley.EnsureRunning();
            Record(mix, "warm-up", warm);
        }
        await parley.WaitUntilQuietAsync(ct);
        var (measured, output) = await wrk.LoadAsync(parley.BaseUrl, Script, arguments, options.DurationSeconds, ct);
        parley.EnsureRunning();
        Record(mix, "measured", measured);
        return (measured, SentRequests.Parse(output));
    }

    // A share of 403s or 429s would mean the guard, not the server, set the pace: the row would mean nothing.
    private void Record(LoadMix mix, string run, LoadResult result)
    {
        if (result.HasErrors)
        {
            var error = $"Parley (mixed db), load {mix.Argument}, {run} run: {result.Non2xx} non-2xx responses, {result.SocketErrors} socket errors";
            errors.Add(error);
            Console.WriteLine($"  ERROR {error}");
        }
    }
}
