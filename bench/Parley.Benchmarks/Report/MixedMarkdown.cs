using System.Globalization;
using System.Text;
using Parley.Benchmarks.Mixed;

namespace Parley.Benchmarks.Report;

/// <summary>The mixed load's part of latest.md: what was sent, the row beside its fetches alone, and the requests it sent.</summary>
internal static class MixedMarkdown
{
    public const string TableHeader =
        "| load | req/s | p50 ms | p99 ms | fetches alone req/s | fetches alone p99 ms | mixed ÷ alone | non-2xx |";

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static void Append(StringBuilder md, MixedResult mixed)
    {
        var mix = mixed.Mix;
        md.Append(Invariant, $"Mixed load, on a third database of {mixed.Threads} threads of {mixed.CommentsPerThread:N0} comments: each request is, at random, ");
        md.Append(Invariant, $"a fetch of one of the threads ({mix.Fetch} %), `POST /count` of all of them ({mix.Count} %), ");
        md.AppendLine(Invariant, $"`POST /new` into one of them ({mix.New} %) or a like of a seeded comment ({mix.Like} %), each write from an address of its own.");
        md.AppendLine("The fetches alone ran just before, on the same server with the same connections (the mix adds comments, so they fetched smaller threads).");
        md.AppendLine();
        md.AppendLine(TableHeader);
        md.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        md.Append(Invariant, $"| {mix.Fetch} % fetch, {mix.Count} % count, {mix.New} % new, {mix.Like} % like | ");
        md.Append(Invariant, $"{mixed.Mixed.RequestsPerSecond:N0} | {mixed.Mixed.P50Ms:0.00} | {mixed.Mixed.P99Ms:0.00} | ");
        md.AppendLine(Invariant, $"{mixed.ReadOnly.RequestsPerSecond:N0} | {mixed.ReadOnly.P99Ms:0.00} | {mixed.Ratio:0.00#} | {mixed.Mixed.Non2xx:N0} |");
        md.AppendLine();
        var sent = string.Join(", ", LoadMix.Kinds.Select(kind => string.Create(Invariant, $"{kind} {mixed.Sent.GetValueOrDefault(kind):N0}")));
        md.AppendLine(Invariant, $"Requests the mixed run sent: {sent}; non-2xx counts every answer of 400 or more.");
    }
}
