using System.Globalization;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace Parley.Benchmarks.Load;

/// <summary>What one wrk run measured; latencies in milliseconds.</summary>
internal sealed partial record LoadResult(double RequestsPerSecond, double P50Ms, double P99Ms, long Requests, long Non2xx, long SocketErrors)
{
    [JsonIgnore]
    public bool HasErrors => Non2xx > 0 || SocketErrors > 0;

    /// <summary>Reads wrk's report (with <c>--latency</c>); the error lines appear only when there were errors.</summary>
    public static LoadResult Parse(string output)
    {
        var rate = Required(RequestsPerSecondLine(), output, "Requests/sec");
        var p50 = Required(P50Line(), output, "50% latency");
        var p99 = Required(P99Line(), output, "99% latency");
        var requests = Required(RequestCountLine(), output, "request count");
        var non2xx = Non2xxLine().Match(output);
        var socket = SocketErrorsLine().Match(output);
        return new LoadResult(
            Number(rate.Groups[1].Value),
            Milliseconds(p50),
            Milliseconds(p99),
            long.Parse(requests.Groups[1].Value, CultureInfo.InvariantCulture),
            non2xx.Success ? long.Parse(non2xx.Groups[1].Value, CultureInfo.InvariantCulture) : 0,
            socket.Success ? socket.Groups.Values.Skip(1).Sum(g => long.Parse(g.Value, CultureInfo.InvariantCulture)) : 0);
    }

    private static Match Required(Regex regex, string output, string what)
    {
        var match = regex.Match(output);
        return match.Success ? match : throw new BenchError($"wrk's report has no {what}:\n{output}");
    }

    private static double Number(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static double Milliseconds(Match match) => Number(match.Groups[1].Value) * match.Groups[2].Value switch
    {
        "us" => 0.001,
        "ms" => 1,
        "s" => 1_000,
        "m" => 60_000,
        _ => 3_600_000,
    };

    [GeneratedRegex(@"^Requests/sec:\s+([0-9.]+)", RegexOptions.Multiline)]
    private static partial Regex RequestsPerSecondLine();

    // "     50%  812.00us": wrk picks the unit per value.
    [GeneratedRegex(@"^\s+50%\s+([0-9.]+)(us|ms|s|m|h)\s*$", RegexOptions.Multiline)]
    private static partial Regex P50Line();

    [GeneratedRegex(@"^\s+99%\s+([0-9.]+)(us|ms|s|m|h)\s*$", RegexOptions.Multiline)]
    private static partial Regex P99Line();

    [GeneratedRegex(@"^\s+(\d+) requests in ", RegexOptions.Multiline)]
    private static partial Regex RequestCountLine();

    [GeneratedRegex(@"^\s+Non-2xx or 3xx responses:\s+(\d+)", RegexOptions.Multiline)]
    private static partial Regex Non2xxLine();

    [GeneratedRegex(@"^\s+Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", RegexOptions.Multiline)]
    private static partial Regex SocketErrorsLine();
}
