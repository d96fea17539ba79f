using Parley.Benchmarks.Load;

namespace Parley.Benchmarks.Report;

/// <summary>A performance goal, the value measured against it, and whether it was met. Reported, never asserted.</summary>
internal sealed record TargetResult(string Name, string Goal, string Measured, bool Met)
{
    /// <summary>The targets of what was measured (all of it in a full run; <c>--only</c> measures a few).</summary>
    public static IReadOnlyList<TargetResult> Evaluate(IReadOnlyList<EndpointResult> endpoints, IReadOnlyList<ProcessFigures> parley,
        MixedResult? mixed, IReadOnlyList<FirstAnswer> firstAnswers)
    {
        var byId = endpoints.ToDictionary(e => e.Id);
        var targets = new List<TargetResult>();
        if (byId.TryGetValue("thread-100", out var thread))
        {
            targets.Add(new("Thread fetch (100 comments)", "≥ 0.5× baseline req/s, p99 < 10 ms",
                Invariant($"{thread.Ratio:0.00#}×, p99 {thread.Parley.P99Ms:0.00} ms"), thread.Ratio >= 0.5 && thread.Parley.P99Ms < 10));
        }
        if (byId.TryGetValue("count", out var count))
        {
            targets.Add(new("POST /count (10 threads)", "≥ 0.5× baseline req/s", Invariant($"{count.Ratio:0.00#}×"), count.Ratio >= 0.5));
        }
        if (byId.TryGetValue("new-newest", out var newest))
        {
            targets.Add(new("POST /new, newest thread (large db)", "≥ 3,000 comments/s", Comments(newest.Parley), newest.Parley.RequestsPerSecond >= 3_000));
        }
        if (byId.TryGetValue("new-oldest", out var oldest))
        {
            targets.Add(new("POST /new, first thread (large db)", "≥ 6,000 comments/s", Comments(oldest.Parley), oldest.Parley.RequestsPerSecond >= 6_000));
        }
        if (mixed is not null)
        {
            targets.Add(new("Mixed load (80 % fetches)", "≥ 0.5× its fetches alone, p99 < 20 ms",
                Invariant($"{mixed.Ratio:0.00#}×, p99 {mixed.Mixed.P99Ms:0.00} ms"), mixed.Ratio >= 0.5 && mixed.Mixed.P99Ms < 20));
        }
        if (byId.TryGetValue("page-20", out var smallPage) && byId.TryGetValue("page-20-large", out var largePage))
        {
            var (small, large) = (smallPage.Parley, largePage.Parley);
            targets.Add(new("Page of 20, large db vs small db", "large ≥ small ÷ 1.25",
                Invariant($"large {large.RequestsPerSecond:N0}, small {small.RequestsPerSecond:N0} req/s (small ÷ large = {Slowdown(small, large):0.00})"),
                large.RequestsPerSecond * 1.25 >= small.RequestsPerSecond));
        }
        if (byId.TryGetValue("pg-thread-100", out var pgThread))
        {
            targets.Add(new("Thread fetch on PostgreSQL (100 comments)", "≥ 0.5× baseline req/s",
                Invariant($"{pgThread.Ratio:0.00#}×, p99 {pgThread.Parley.P99Ms:0.00} ms"), pgThread.Ratio >= 0.5));
        }
        if (byId.TryGetValue("pg-new-oldest", out var pgNew))
        {
            targets.Add(new("POST /new on PostgreSQL, first thread (large db)", "≥ 2,000 comments/s", Comments(pgNew.Parley), pgNew.Parley.RequestsPerSecond >= 2_000));
        }
        if (byId.TryGetValue("pg-page-20", out var pgSmallPage) && byId.TryGetValue("pg-page-20-large", out var pgLargePage))
        {
            var (small, large) = (pgSmallPage.Parley, pgLargePage.Parley);
            targets.Add(new("Page of 20 on PostgreSQL, large db vs small db", "large ≥ small ÷ 1.25",
                Invariant($"large {large.RequestsPerSecond:N0}, small {small.RequestsPerSecond:N0} req/s (small ÷ large = {Slowdown(small, large):0.00})"),
                large.RequestsPerSecond * 1.25 >= small.RequestsPerSecond));
        }
        if (parley.Count > 0)
        {
            var idle = parley.Max(p => p.IdleRssMb);
            var peak = parley.Max(p => p.PeakRssMb);
            var start = parley.Max(p => p.StartMs);
            targets.AddRange(
            [
                new("Idle RSS", "≤ 80 MB", Each(parley, p => Invariant($"{p.IdleRssMb:0.0} MB")), idle <= 80),
                new("Peak RSS", "≤ 200 MB", Each(parley, p => Invariant($"{p.PeakRssMb:0.0} MB")), peak <= 200),
                new("Start → first 200", "≤ 500 ms", Each(parley, p => Invariant($"{p.StartMs:0} ms")), start <= 500),
            ]);
        }
        if (firstAnswers.Where(a => !a.Apart).ToList() is { Count: > 0 } first)
        {
            targets.Add(new("First answer of each kind after a start", "each < 50 ms",
                string.Join(", ", first.Select(a => Invariant($"{a.Request} {a.RequestMs:0.0} ms"))), first.All(a => a.RequestMs < 50)));
        }
        return targets;
    }

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);

    private static string Comments(LoadResult load) => Invariant($"{load.RequestsPerSecond:N0} comments/s, p99 {load.P99Ms:0.00} ms");

    private static double Slowdown(LoadResult small, LoadResult large) => small.RequestsPerSecond / large.RequestsPerSecond;

    /// <summary>"small db 61.2 MB, large db 63.0 MB": every Parley process must meet a process target.</summary>
    private static string Each(IReadOnlyList<ProcessFigures> processes, Func<ProcessFigures, string> figure) =>
        string.Join(", ", processes.Select(p => $"{p.Database} db {figure(p)}"));
}
