using Parley.Benchmarks.Load;

namespace Parley.Benchmarks.Report;

/// <summary>A performance goal, the value measured against it, and whether it was met. Reported, never asserted.</summary>
internal sealed record TargetResult(string Name, string Goal, string Measured, bool Met)
{
    public static IReadOnlyList<TargetResult> Evaluate(
        IReadOnlyList<EndpointResult> endpoints, IReadOnlyList<ProcessFigures> parley, MixedResult mixed, IReadOnlyList<FirstAnswer> firstAnswers)
    {
        var byId = endpoints.ToDictionary(e => e.Id);
        var thread = byId["thread-100"];
        var count = byId["count"];
        var newest = byId["new-newest"].Parley;
        var oldest = byId["new-oldest"].Parley;
        var small = byId["page-20"].Parley;
        var large = byId["page-20-large"].Parley;
        var idle = parley.Max(p => p.IdleRssMb);
        var peak = parley.Max(p => p.PeakRssMb);
        var start = parley.Max(p => p.StartMs);
        return
        [
            new("Thread fetch (100 comments)", "≥ 0.5× baseline req/s, p99 < 10 ms",
                Invariant($"{thread.Ratio:0.00#}×, p99 {thread.Parley.P99Ms:0.00} ms"), thread.Ratio >= 0.5 && thread.Parley.P99Ms < 10),
            new("POST /count (10 threads)", "≥ 0.5× baseline req/s", Invariant($"{count.Ratio:0.00#}×"), count.Ratio >= 0.5),
            new("POST /new, newest thread (large db)", "≥ 3,000 comments/s", Comments(newest), newest.RequestsPerSecond >= 3_000),
            new("POST /new, first thread (large db)", "≥ 6,000 comments/s", Comments(oldest), oldest.RequestsPerSecond >= 6_000),
            new("Mixed load (80 % fetches)", "≥ 0.5× its fetches alone, p99 < 20 ms",
                Invariant($"{mixed.Ratio:0.00#}×, p99 {mixed.Mixed.P99Ms:0.00} ms"), mixed.Ratio >= 0.5 && mixed.Mixed.P99Ms < 20),
            new("Page of 20, large db vs small db", "large ≥ small ÷ 1.25",
                Invariant($"large {large.RequestsPerSecond:N0}, small {small.RequestsPerSecond:N0} req/s (small ÷ large = {Slowdown(small, large):0.00})"),
                large.RequestsPerSecond * 1.25 >= small.RequestsPerSecond),
            new("Idle RSS", "≤ 80 MB", Each(parley, p => Invariant($"{p.IdleRssMb:0.0} MB")), idle <= 80),
            new("Peak RSS", "≤ 200 MB", Each(parley, p => Invariant($"{p.PeakRssMb:0.0} MB")), peak <= 200),
            new("Start → first 200", "≤ 500 ms", Each(parley, p => Invariant($"{p.StartMs:0} ms")), start <= 500),
            new("First answer of each kind after a start", "each < 50 ms",
                string.Join(", ", firstAnswers.Select(a => Invariant($"{a.Request} {a.RequestMs:0.0} ms"))), firstAnswers.All(a => a.RequestMs < 50)),
        ];
    }

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);

    private static string Comments(LoadResult create) => Invariant($"{create.RequestsPerSecond:N0} comments/s, p99 {create.P99Ms:0.00} ms");

    private static double Slowdown(LoadResult small, LoadResult large) => small.RequestsPerSecond / large.RequestsPerSecond;

    /// <summary>"small db 61.2 MB, large db 63.0 MB": every Parley process must meet a process target.</summary>
    private static string Each(IReadOnlyList<ProcessFigures> processes, Func<ProcessFigures, string> figure) =>
        string.Join(", ", processes.Select(p => $"{p.Database} db {figure(p)}"));
}
