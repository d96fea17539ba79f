using System.Text.Json;
using Parley.Api.Tests.Support;
using Parley.Tests.Shared;

namespace Parley.Api.Tests.Bench;

/// <summary>
/// The benchmark harness, scaled down (<c>--smoke</c>): seeds both databases, starts Parley and the baseline as
/// real processes, loads every endpoint with wrk, runs the mixed load, times a fresh start's first answers and
/// writes its report. It checks that the run works and reports sound figures, not how fast anything is.
/// </summary>
public sealed class BenchmarkSmokeTests : IDisposable
{
    // Seconds of work on two cores; generous because other suites may be building or testing alongside.
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(4);

    private static readonly string[] EndpointIds =
    [
        "thread-100", "page-20", "page-20-large", "count", "info", "embed-js", "new-newest", "new-oldest",
        "pg-thread-100", "pg-page-20", "pg-count", "pg-page-20-large", "pg-new-oldest", "balanced-thread-100",
    ];

    private static readonly string[] FirstRequests = ["GET /info", "POST /new", "GET /config", "POST /count", "GET /?uri=", "GET /?uri= (a busy thread)"];

    private readonly string _out = Directory.CreateTempSubdirectory("parley-bench-smoke-").FullName;

    [SkippableFact]
    public async Task SmokeRunMeasuresEveryEndpointOnParleyAndTheBaseline()
    {
        // The PostgreSQL rows run on the test server (the harness reads PARLEY_TEST_POSTGRES).
        TestPostgres.Require();
        Assert.True(WrkIsInstalled(), "wrk is not installed: the benchmark smoke run needs Debian's wrk (./test.sh installs it, or apt-get install wrk)");

        var run = await ParleyCli.RunDllAsync(RepoPaths.BenchmarksDll, Timeout, null,
            "--smoke", "--parley", RepoPaths.ParleyDll, "--out", _out);

        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(await File.ReadAllBytesAsync(Path.Combine(_out, "latest.json")));
        var endpoints = json.RootElement.GetProperty("endpoints").EnumerateArray().ToList();
        Assert.Equal(EndpointIds, endpoints.Select(e => e.GetProperty("id").GetString()));
        foreach (var endpoint in endpoints)
        {
            var name = endpoint.GetProperty("name").GetString();
            var parley = AssertSoundLoad(endpoint.GetProperty("parley"), $"{name} on parley");
            var baseline = AssertSoundLoad(endpoint.GetProperty("baseline"), $"{name} on baseline");
            Assert.Equal(parley / baseline, endpoint.GetProperty("ratio").GetDouble(), 9);
        }
        var mixed = json.RootElement.GetProperty("mixed");
        var mixedRate = AssertSoundLoad(mixed.GetProperty("mixed"), "mixed load");
        var readOnlyRate = AssertSoundLoad(mixed.GetProperty("readOnly"), "mixed load's fetches alone");
        Assert.Equal(mixedRate / readOnlyRate, mixed.GetProperty("ratio").GetDouble(), 9);
        Assert.True(mixed.GetProperty("sent").GetProperty("fetch").GetInt64() > 0, mixed.ToString());
        var firstAnswers = json.RootElement.GetProperty("firstAnswers").EnumerateArray().ToList();
        Assert.Equal(FirstRequests, firstAnswers.Select(a => a.GetProperty("request").GetString()));
        Assert.All(firstAnswers, a => Assert.True(a.GetProperty("requestMs").GetDouble() > 0, a.ToString()));
        foreach (var process in json.RootElement.GetProperty("processes").EnumerateArray())
        {
            Assert.True(process.GetProperty("startMs").GetDouble() > 0, process.ToString());
            Assert.True(process.GetProperty("idleRssMb").GetDouble() > 0, process.ToString());
            Assert.True(process.GetProperty("peakRssMb").GetDouble() > 0, process.ToString());
        }

        var markdown = await File.ReadAllTextAsync(Path.Combine(_out, "latest.md"));
        Assert.Contains("| endpoint | Parley req/s | p50 ms | p99 ms | baseline req/s | baseline p99 ms | ratio |", markdown, StringComparison.Ordinal);
        Assert.Contains("| load | req/s | p50 ms | p99 ms | fetches alone req/s | fetches alone p99 ms | mixed ÷ alone | non-2xx |", markdown, StringComparison.Ordinal);
        foreach (var endpoint in endpoints)
        {
            Assert.Contains($"`{endpoint.GetProperty("name").GetString()}`", markdown, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task OnlyMeasuresTheNamedEndpointsAndLeavesTheLargeDatabaseAlone()
    {
        Assert.True(WrkIsInstalled(), "wrk is not installed: the benchmark smoke run needs Debian's wrk (./test.sh installs it, or apt-get install wrk)");

        var run = await ParleyCli.RunDllAsync(RepoPaths.BenchmarksDll, Timeout, null,
            "--smoke", "--parley", RepoPaths.ParleyDll, "--out", _out, "--only", "embed-js,count");

        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(await File.ReadAllBytesAsync(Path.Combine(_out, "latest.json")));
        var root = json.RootElement;
        // In table order, whatever the order asked.
        Assert.Equal(["count", "embed-js"], root.GetProperty("endpoints").EnumerateArray().Select(e => e.GetProperty("id").GetString()));
        Assert.Equal(["small"], root.GetProperty("seeding").EnumerateArray().Select(s => s.GetProperty("database").GetString()));
        Assert.All(root.GetProperty("processes").EnumerateArray(), p => Assert.Equal("small", p.GetProperty("database").GetString()));
        var targets = root.GetProperty("targets").EnumerateArray().Select(t => t.GetProperty("name").GetString()).ToList();
        Assert.Contains("POST /count (10 threads)", targets);
        Assert.DoesNotContain("Thread fetch (100 comments)", targets);
    }

    [Theory]
    [InlineData("--only count", "--only needs --out DIR")]
    [InlineData("--only count,nope --out OUT", "no endpoint 'nope'")]
    public async Task OnlyIsRefusedWithoutAnOutputFolderOrWithAnUnknownEndpoint(string arguments, string message)
    {
        var args = arguments.Replace("OUT", _out, StringComparison.Ordinal).Split(' ');

        var run = await ParleyCli.RunDllAsync(RepoPaths.BenchmarksDll, Timeout, null, ["--parley", RepoPaths.ParleyDll, .. args]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HarnessNamesAMissingParleyDll()
    {
        var missing = Path.Combine(_out, "no-such", "parley.dll");

        var run = await ParleyCli.RunDllAsync(RepoPaths.BenchmarksDll, Timeout, null, "--smoke", "--parley", missing, "--out", _out);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{missing} does not exist", run.Error, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_out, recursive: true);

    /// <summary>Asserts one wrk run is a real, error-free measurement; returns its req/s.</summary>
    private static double AssertSoundLoad(JsonElement load, string name)
    {
        var what = $"{name}: {load}";
        var rate = load.GetProperty("requestsPerSecond").GetDouble();
        Assert.True(rate > 0, what);
        Assert.True(load.GetProperty("non2xx").GetInt64() == 0, what);
        Assert.True(load.GetProperty("socketErrors").GetInt64() == 0, what);
        Assert.True(load.GetProperty("p50Ms").GetDouble() <= load.GetProperty("p99Ms").GetDouble(), what);
        return rate;
    }

    private static bool WrkIsInstalled() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Any(dir => File.Exists(Path.Combine(dir, "wrk")));
}
