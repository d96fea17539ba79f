using System.Globalization;
using System.Text.RegularExpressions;

namespace Parley.Benchmarks.Mixed;

/// <summary>How many requests of each kind mixed.lua sent, over all wrk threads (the last few may still have been on their way).</summary>
internal static partial class SentRequests
{
    public static IReadOnlyDictionary<string, long> Parse(string output)
    {
        var sent = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (Match line in SentLine().Matches(output))
        {
            var kind = line.Groups["kind"].Value;
            sent[kind] = sent.GetValueOrDefault(kind) + long.Parse(line.Groups["n"].Value, CultureInfo.InvariantCulture);
        }
        return sent.Count > 0 ? sent : throw new BenchError($"wrk printed none of mixed.lua's counts:\n{output}");
    }

    [GeneratedRegex(@"^mixed sent (?<kind>\w+) (?<n>\d+)$", RegexOptions.Multiline)]
    private static partial Regex SentLine();
}
