using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Parley.Benchmarks.Report;
using Parley.Benchmarks.Seeding;
using Parley.Benchmarks.Servers;
using Parley.Tests.Shared;

namespace Parley.Benchmarks.ColdStart;

/// <summary>
/// What the first reader after a restart waits for: a fresh Parley is asked each kind of request once, in the order
/// a page with comments asks them, and each first answer is timed. Whatever Parley does lazily (compiling, opening
/// the database, loading the Markdown engine) lands on one of these requests.
/// </summary>
internal static class FirstAnswers
{
    private const string Comment = """{"text":"The first comment after a restart, with *some* Markdown.","author":"Bench","title":"First"}""";
    private const string SmallThread = "/bench/first/";

    public static async Task<IReadOnlyList<FirstAnswer>> MeasureAsync(BenchOptions options, string folder, string databasePath, CancellationToken ct)
    {
        var port = FreePort.Next();
        var config = IssoConfig.Write(folder, databasePath, port, Path.GetFileNameWithoutExtension(databasePath));
        await using var parley = ServerProcess.Start("Parley (first answers)", [options.ParleyDll, "-c", config, "run"],
            new Uri($"http://127.0.0.1:{port}/"), Path.Combine(folder, "parley-first.log"));
        // One client, one kept-alive connection, as a browser's; the harness has sent GETs and POSTs before, so
        // its own first-call costs are paid already.
        using var client = new HttpClient { BaseAddress = parley.BaseUrl, Timeout = TimeSpan.FromSeconds(30) };
        var (sinceStart, request) = await parley.WaitUntilReadyAsync(client, ct);
        var answers = new List<FirstAnswer> { new("GET /info", sinceStart.TotalMilliseconds, request.TotalMilliseconds) };
        // As a reader of Isso's browser tests meets them: the comment goes to a thread of a few comments, which is then
        // fetched. A busy thread's first fetch after a start renders and hashes all of it: shown last, apart.
        var thread = MixedThreads.Uris[0];
        answers.Add(await TimeAsync(parley, client, HttpMethod.Post, $"/new?uri={SmallThread}", Comment, 201, ct));
        answers.Add(await TimeAsync(parley, client, HttpMethod.Get, "/config", null, 200, ct));
        answers.Add(await TimeAsync(parley, client, HttpMethod.Post, "/count", JsonSerializer.Serialize(MixedThreads.Uris), 200, ct));
        answers.Add(await TimeAsync(parley, client, HttpMethod.Get, $"/?uri={SmallThread}", null, 200, ct));
        answers.Add(await TimeAsync(parley, client, HttpMethod.Get, $"/?uri={thread}", null, 200, ct) is var busy
            ? busy with { Request = $"{busy.Request} (a busy thread)", Apart = true }
            : busy);
        foreach (var answer in answers)
        {
            Console.WriteLine(FormattableString.Invariant(
                $"  first {answer.Request}: {answer.RequestMs:0.0} ms, answered {answer.SinceStartMs:0} ms after start"));
        }
        return answers;
    }

    private static async Task<FirstAnswer> TimeAsync(
        ServerProcess parley, HttpClient client, HttpMethod method, string target, string? json, int expected, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, new Uri(target, UriKind.Relative));
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
        }
        var clock = Stopwatch.StartNew();
        // The whole answer, body included: the reader waits for all of it.
        using var response = await client.SendAsync(request, ct);
        var body = await response.Content.ReadAsByteArrayAsync(ct);
        var took = clock.Elapsed;
        var sinceStart = parley.SinceStart;
        if ((int)response.StatusCode != expected)
        {
            throw new BenchError(
                $"{parley.Name}: first {method} {target} answered {(int)response.StatusCode}, expected {expected}: {Encoding.UTF8.GetString(body.AsSpan(0, Math.Min(body.Length, 300)))}\n{parley.LogTail()}");
        }
        var path = target.Split('?')[0];
        return new FirstAnswer($"{method} {(path == "/" ? "/?uri=" : path)}", sinceStart.TotalMilliseconds, took.TotalMilliseconds);
    }
}
