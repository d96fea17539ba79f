using Parley.Benchmarks.ColdStart;
using Parley.Benchmarks.Load;
using Parley.Benchmarks.Mixed;
using Parley.Benchmarks.Report;
using Parley.Benchmarks.Seeding;
using Parley.Benchmarks.Servers;

namespace Parley.Benchmarks;

/// <summary>
/// The whole run: seed the databases, measure the endpoints of two against the baseline, the mixed load on the
/// third, the first answers of a freshly started Parley, then report. Exit 0 when every load ran without errors
/// (targets are reported, not asserted), 1 when a load saw non-2xx answers or socket errors, 2 when the run could
/// not be made.
/// </summary>
internal static class Harness
{
    public static async Task<int> RunAsync(string[] args)
    {
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            // Let the run unwind, so the servers are stopped and the temporary folder removed.
            e.Cancel = true;
            cancel.Cancel();
        };
        var folder = Directory.CreateTempSubdirectory("parley-bench-").FullName;
        try
        {
            return await RunAsync(BenchOptions.Parse(args), folder, cancel.Token);
        }
        catch (BenchError e)
        {
            await Console.Error.WriteLineAsync($"bench: {e.Message}");
            return 2;
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync("bench: interrupted");
            return 2;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<int> RunAsync(BenchOptions options, string folder, CancellationToken ct)
    {
        if (!File.Exists(options.ParleyDll))
        {
            throw new BenchError($"{options.ParleyDll} does not exist: build it first (dotnet build src/Parley -c Release)");
        }
        var wrk = Wrk.Locate(folder, options.Connections);
        var machine = MachineInfo.Describe(await wrk.VersionAsync(ct));
        var date = TimeProvider.System.GetUtcNow();
        Console.WriteLine($"{(options.Smoke ? "Smoke run" : "Benchmark")} on {machine}");

        var scale = options.Scale;
        var selected = options.Endpoints;
        var small = Path.Combine(folder, "small.db");
        var large = Path.Combine(folder, "large.db");
        var seeding = new List<SeedResult>();
        var errors = new List<string>();
        var session = new Session(options, wrk, folder, errors);
        var sessions = new List<SessionResult>();
        // A database no selected endpoint reads is neither seeded nor served (the large one takes most of a run's time).
        if (selected.Any(e => Endpoint.SeededFrom(e.Database) == Endpoint.Small))
        {
            Keep(await KeptSeeds.SeedAsync(options.SeedsDir, "small", scale, small, () => Seeder.SmallAsync(small, scale, ct)));
        }
        if (selected.Any(e => Endpoint.SeededFrom(e.Database) == Endpoint.Large))
        {
            Keep(await KeptSeeds.SeedAsync(options.SeedsDir, "large", scale, large, () => Seeder.LargeAsync(large, scale, ct)));
        }
        void Keep(SeedResult? seed)
        {
            if (seed is not null)
            {
                seeding.Add(Print(seed));
            }
        }
        var paths = new Dictionary<string, string> { [Endpoint.Small] = small, [Endpoint.Large] = large };
        await using var postgres = selected.Any(e => Endpoint.IsPostgres(e.Database)) ? PostgresDatabases.Connect() : null;
        // Moved before any session writes to the SQLite files: the same content on both engines.
        foreach (var database in selected.Select(e => e.Database).Distinct().Where(Endpoint.IsPostgres))
        {
            var (url, seed) = await postgres!.MoveAsync(database, paths[Endpoint.SeededFrom(database)], ct);
            paths[database] = url;
            seeding.Add(Print(seed));
        }
        foreach (var database in selected.Select(e => e.Database).Distinct())
        {
            Console.WriteLine($"{database} database:");
            sessions.Add(await session.RunAsync(database, paths[database], [.. selected.Where(e => e.Database == database)], ct));
        }
        MixedResult? mixedLoad = null;
        if (options.Runs(BenchOptions.MixedId))
        {
            var mixed = Path.Combine(folder, "mixed.db");
            seeding.Add(Print(await Seeder.MixedAsync(mixed, scale, ct)));
            var mixedIds = await MixedThreads.CommentIdsAsync(mixed, ct);
            Console.WriteLine("mixed database:");
            mixedLoad = await new MixedSession(options, wrk, folder, errors).RunAsync(mixed, mixedIds, ct);
        }
        IReadOnlyList<FirstAnswer> firstAnswers = [];
        if (options.Runs(BenchOptions.FirstId))
        {
            // The mixed load's threads, fresh; last, when nothing else runs and the harness's own HTTP client is long warm.
            var first = Path.Combine(folder, "first.db");
            await Seeder.MixedAsync(first, scale, ct);
            Console.WriteLine("first answers after a start:");
            firstAnswers = await FirstAnswers.MeasureAsync(options, folder, first, ct);
        }

        var measured = sessions.SelectMany(s => s.Endpoints).ToDictionary(e => e.Id);
        var endpoints = selected.Select(e => measured[e.Id]).ToList();
        var parley = sessions.Select(s => s.Parley).ToList();
        // The process targets (memory, start-up) are the embedded server's: the PostgreSQL processes are reported beside them.
        var embedded = parley.Where(p => !Endpoint.IsPostgres(p.Database)).ToList();
        var settings = new BenchSettings(await SourceVersion.DescribeAsync(options.RepoRoot, ct),
            Wrk.Threads, wrk.Connections, Wrk.Timeout, options.WarmupSeconds, options.DurationSeconds,
            scale.TenThousand, scale.LargeComments, scale.LargeThreads);
        var report = new BenchReport(date, options.Smoke ? "smoke" : "full", machine, settings, seeding,
            [.. parley, .. sessions.Select(s => s.Baseline)],
            endpoints, mixedLoad, firstAnswers, TargetResult.Evaluate(endpoints, embedded, mixedLoad, firstAnswers), errors);

        var markdown = MarkdownReport.Write(report);
        Console.WriteLine();
        Console.Write(markdown);
        ResultFiles.Write(options.OutDir, report, markdown);
        Console.WriteLine($"\nwritten: {Path.Combine(options.OutDir, "latest.json")}, latest.md");
        if (options.WriteReadme)
        {
            var readme = Path.Combine(options.RepoRoot!, "README.md");
            ReadmeSection.Update(readme, markdown);
            Console.WriteLine($"updated: {readme} (performance section)");
        }
        return errors.Count == 0 ? 0 : 1;
    }

    private static SeedResult Print(SeedResult seed)
    {
        Console.WriteLine(FormattableString.Invariant(
            $"seeded {seed.Database}.db: {seed.Comments:N0} comments over {seed.Threads:N0} threads in {seed.Seconds:0.0} s (import {seed.ImportSeconds:0.0} s)"));
        return seed;
    }
}
