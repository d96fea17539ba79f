using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Parley.Api.Tests.Support;

/// <summary>One sample of a Prometheus exposition: metric name, labels and value.</summary>
public sealed record PrometheusSample(string Name, IReadOnlyDictionary<string, string> Labels, double Value);

/// <summary>
/// Parses Prometheus text with the reference parser (Debian's python3-prometheus-client, which test.sh installs): what it
/// refuses fails the test, what it reads comes back as samples.
/// </summary>
public static class PrometheusText
{
    private const string Python = "/usr/bin/python3";

    private const string Script = """
        import json, sys
        from prometheus_client.parser import text_string_to_metric_families
        out = []
        for family in text_string_to_metric_families(open(sys.argv[1], encoding="utf-8").read()):
            for s in family.samples:
                out.append({"family": family.name, "type": family.type, "name": s.name, "labels": s.labels, "value": s.value})
        print(json.dumps(out))
        """;

    public static async Task<(IReadOnlyList<PrometheusSample> Samples, IReadOnlyDictionary<string, string> Types)> ParseAsync(string text)
    {
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(file, text);
            var start = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var arg in new[] { "-c", Script, file })
            {
                start.ArgumentList.Add(arg);
            }
            using var process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start");
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, $"the Prometheus parser refused the text: {await error}\n{text}");
            var samples = new List<PrometheusSample>();
            var types = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var s in JsonDocument.Parse(await output).RootElement.EnumerateArray())
            {
                types[s.GetProperty("family").GetString()!] = s.GetProperty("type").GetString()!;
                var labels = s.GetProperty("labels").EnumerateObject().ToDictionary(l => l.Name, l => l.Value.GetString()!, StringComparer.Ordinal);
                var value = s.GetProperty("value");
                samples.Add(new PrometheusSample(s.GetProperty("name").GetString()!, labels,
                    value.ValueKind == JsonValueKind.Number ? value.GetDouble() : double.Parse(value.GetString()!, CultureInfo.InvariantCulture)));
            }
            return (samples, types);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
