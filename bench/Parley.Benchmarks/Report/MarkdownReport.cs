using System.Globalization;
using System.Text;

namespace Parley.Benchmarks.Report;

/// <summary>latest.md: the machine, the settings, the table, the mixed load, the processes and first answers, the seeding and the targets.</summary>
internal static class MarkdownReport
{
    public const string TableHeader = "| endpoint | Parley req/s | p50 ms | p99 ms | baseline req/s | baseline p99 ms | ratio |";

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Write(BenchReport report)
    {
        var md = new StringBuilder();
        var s = report.Settings;
        md.AppendLine(Invariant, $"### Latest results{(report.Mode == "smoke" ? " (smoke run)" : "")}");
        md.AppendLine();
        md.AppendLine(Invariant, $"Measured {report.Date:yyyy-MM-dd HH:mm} UTC on {report.Machine}, source `{s.Source}`.");
        var warmup = s.WarmupSeconds > 0 ? string.Create(Invariant, $"after a {s.WarmupSeconds} s warm-up") : "without warm-up";
        md.Append(Invariant, $"Each figure is one `wrk -t{s.WrkThreads} -c{s.WrkConnections} -d{s.DurationSeconds}s --timeout {s.WrkTimeout} --latency` run {warmup}; ");
        md.AppendLine("Parley and the baseline are loaded one after the other for each endpoint, and wrk shares the cores with the server.");
        md.Append(Invariant, $"`/bench/ten-thousand/` holds {s.TenThousandThreadComments:N0} comments; the large database {s.LargeComments:N0} comments over {s.LargeThreads:N0} threads, ");
        md.AppendLine("of which `/bench/ten-thousand/` is the first and `/bench/newest/` the most recently created; a `POST /new` req/s is comments/s.");
        md.AppendLine();
        md.AppendLine(TableHeader);
        md.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var e in report.Endpoints)
        {
            md.Append(Invariant, $"| `{e.Name}` | {e.Parley.RequestsPerSecond:N0} | {e.Parley.P50Ms:0.00} | {e.Parley.P99Ms:0.00} | ");
            md.AppendLine(Invariant, $"{e.Baseline.RequestsPerSecond:N0} | {e.Baseline.P99Ms:0.00} | {e.Ratio:0.00#} |");
        }
        md.AppendLine();
        if (report.Mixed is { } mixed)
        {
            MixedMarkdown.Append(md, mixed);
            md.AppendLine();
        }
        md.AppendLine("| process | start → first 200 | idle RSS | peak RSS |");
        md.AppendLine("| --- | ---: | ---: | ---: |");
        foreach (var p in report.Processes)
        {
            md.AppendLine(Invariant, $"| {p.Name} | {p.StartMs:0} ms | {p.IdleRssMb:0.0} MB | {p.PeakRssMb:0.0} MB |");
        }
        if (report.FirstAnswers.Count > 0)
        {
            md.AppendLine();
            md.AppendLine("A freshly started Parley (on a copy of the mixed load's threads), asked each kind of request once, in this order:");
            md.AppendLine();
            md.AppendLine("| first request of its kind | answered after start | took |");
            md.AppendLine("| --- | ---: | ---: |");
            foreach (var a in report.FirstAnswers)
            {
                md.AppendLine(Invariant, $"| `{a.Request}` | {a.SinceStartMs:0} ms | {a.RequestMs:0.0} ms |");
            }
        }
        md.AppendLine();
        md.AppendLine("Seeding through the storage layer's import: " + string.Join("; ", report.Seeding.Select(seed =>
            FormattableString.Invariant($"{seed.Database}.db {seed.Comments:N0} comments over {seed.Threads:N0} threads in {seed.Seconds:0.0} s ")
            + FormattableString.Invariant($"(import {seed.ImportSeconds:0.0} s, {seed.Comments / Math.Max(seed.ImportSeconds, 0.001):N0} comments/s)"))) + ".");
        md.AppendLine();
        md.AppendLine("| target | goal | measured | |");
        md.AppendLine("| --- | --- | --- | --- |");
        foreach (var t in report.Targets)
        {
            md.AppendLine(Invariant, $"| {t.Name} | {t.Goal} | {t.Measured} | {(t.Met ? "met" : "**not met**")} |");
        }
        if (report.Errors.Count > 0)
        {
            md.AppendLine();
            md.AppendLine("Errors during the loads:");
            md.AppendLine();
            foreach (var error in report.Errors)
            {
                md.AppendLine(Invariant, $"* {error}");
            }
        }
        return md.ToString();
    }
}
