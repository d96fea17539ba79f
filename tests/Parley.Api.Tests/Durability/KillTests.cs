using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Parley.Api.Tests.Lifecycle;
using Parley.Api.Tests.Support;
using Parley.Tests.Shared;
using Xunit.Abstractions;
using static Parley.Api.Tests.Deployment.ServerProcessWire;

namespace Parley.Api.Tests.Durability;

/// <summary>
/// A server process killed with SIGKILL while readers post, again and again on one database: what it acknowledged stays,
/// and what it stored is mailed once it runs again. Set PARLEY_KILL_SEED to replay the kill times of a printed run.
/// </summary>
public sealed partial class KillTests(ITestOutputHelper output)
{
    private const int Rounds = 20;
    private const int Posters = 3;
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task AcknowledgedCommentsSurviveTwentyKillsAndEveryStoredCommentIsMailed()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("PARLEY_KILL_SEED"), CultureInfo.InvariantCulture, out var given)
            ? given : Random.Shared.Next();
        output.WriteLine($"seed {seed}");
        var random = new Random(seed);
        var work = Directory.CreateTempSubdirectory("parley-kill-");
        var db = Path.Combine(work.FullName, "comments.db");
        var config = Path.Combine(work.FullName, "isso.cfg");
        var acknowledged = new ConcurrentDictionary<string, long>();
        var unexpected = new ConcurrentBag<string>();
        var watch = Stopwatch.StartNew();
        var startup = TimeSpan.Zero;
        InstalledServer? server = null;
        try
        {
            await using var smtp = await SmtpServer.StartAsync();
            for (var round = 0; round < Rounds; round++)
            {
                var starting = Stopwatch.StartNew();
                server = await StartAsync(config, db, smtp);
                startup += starting.Elapsed;
                using var client = Client(server);
                var prefix = $"c-{round:D2}-";
                var next = 0;
                var answering = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                var posters = Enumerable.Range(0, Posters)
                    .Select(_ => PostUntilGoneAsync(client, () => $"{prefix}{Interlocked.Increment(ref next):D4}", answering, acknowledged, unexpected))
                    .ToList();
                // The kill falls while comments flow and mails leave, not while the first request is still compiling.
                await Task.WhenAny(answering.Task, Task.WhenAll(posters), Task.Delay(TimeSpan.FromSeconds(10)));
                await Task.Delay(random.Next(50, 400));
                await server.KillAsync();
                await Task.WhenAll(posters);
                await server.DisposeAsync();
                server = null;
            }
            output.WriteLine($"{Rounds} kills in {watch.Elapsed.TotalSeconds:F1} s ({startup.TotalSeconds:F1} s of it starting servers); "
                + $"{acknowledged.Count} comments acknowledged");
            Assert.True(unexpected.IsEmpty, "unexpected answers:\n" + string.Join("\n", unexpected));

            server = await StartAsync(config, db, smtp);
            var (stored, mailed) = await WaitForDrainAsync(db, smtp);
            await server.StopAsync();

            var lost = acknowledged.Where(a => !stored.TryGetValue(a.Value, out var text) || text != a.Key).Select(a => $"{a.Key} (id {a.Value})").ToList();
            Assert.True(lost.Count == 0, $"acknowledged but not stored: {string.Join(", ", lost)}");
            var unmailed = stored.Values.Where(text => !mailed.ContainsKey(text)).ToList();
            Assert.True(unmailed.Count == 0, $"stored but never mailed: {string.Join(", ", unmailed)}\n"
                + $"{OwnerMails.Explain(db, unmailed)}\n{server.Output[^Math.Min(server.Output.Length, 4000)..]}");
            var unknown = mailed.Keys.Except(stored.Values).ToList();
            Assert.True(unknown.Count == 0, $"mailed but never stored: {string.Join(", ", unknown)}");
            // The same message twice was sent again from the outbox; two messages mean the comment's event was queued twice.
            var duplicates = mailed.Where(m => m.Value.Count > 1).OrderBy(m => m.Key, StringComparer.Ordinal).ToList();
            output.WriteLine($"{stored.Count} comments stored ({stored.Count - acknowledged.Count} of them never acknowledged), "
                + $"{mailed.Values.Sum(ids => ids.Count)} owner mails; {duplicates.Count} comments mailed more than once "
                + $"({duplicates.Count(d => d.Value.Distinct().Count() == 1)} the same message again, "
                + $"{duplicates.Count(d => d.Value.Distinct().Count() > 1)} queued twice): "
                + string.Join(", ", duplicates.Select(d => $"{d.Key}×{d.Value.Count}")));
            output.WriteLine($"total {watch.Elapsed.TotalSeconds:F1} s");
        }
        finally
        {
            if (server is not null)
            {
                await server.DisposeAsync();
            }
            SqliteConnection.ClearAllPools();
            work.Delete(recursive: true);
        }
    }

    private static Task<InstalledServer> StartAsync(string config, string db, SmtpServer smtp)
    {
        // A fresh port each time: the killed process's port may linger for a moment.
        var port = FreePort.Next();
        WriteConfig(config, db, port, OwnerMails.Settings(smtp));
        return InstalledServer.StartBuiltAsync(config, port);
    }

    // Posts until the server stops answering; a comment whose answer never came may or may not be stored.
    private static async Task PostUntilGoneAsync(HttpClient client, Func<string> nextText, TaskCompletionSource answering,
        ConcurrentDictionary<string, long> acknowledged, ConcurrentBag<string> unexpected)
    {
        while (true)
        {
            var text = nextText();
            HttpStatusCode status;
            JsonElement body;
            try
            {
                (status, body) = await NewAsync(client, "/t/", text);
            }
            catch (Exception e) when (e is HttpRequestException or IOException)
            {
                return;
            }
            if (status is not (HttpStatusCode.Created or HttpStatusCode.Accepted))
            {
                unexpected.Add($"{text}: {(int)status} {body}");
                return;
            }
            acknowledged[text] = body.GetProperty("id").GetInt64();
            answering.TrySetResult();
        }
    }

    /// <summary>
    /// Waits until every stored comment has an owner mail, the outbox is empty and the mail destination has read the
    /// whole event log (so no event is left to queue another mail); answers the stored comments and the mails per text.
    /// </summary>
    private static async Task<(Dictionary<long, string> Stored, Dictionary<string, List<string>> Mailed)> WaitForDrainAsync(string db, SmtpServer smtp)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var stored = ReadComments(db);
            var (queued, behind) = OwnerMails.Backlog(db);
            var mailed = OwnerMails.ByText(smtp, CommentText());
            if ((stored.Values.All(mailed.ContainsKey) && queued == 0 && !behind) || watch.Elapsed > DrainTimeout)
            {
                return (stored, mailed);
            }
            await Task.Delay(200);
        }
    }

    private static Dictionary<long, string> ReadComments(string db)
    {
        using var connection = new SqliteConnection($"Data Source={db};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, text FROM comments";
        var stored = new Dictionary<long, string>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            stored[reader.GetInt64(0)] = reader.GetString(1);
        }
        return stored;
    }

    [GeneratedRegex(@"c-\d{2}-\d{4}")]
    private static partial Regex CommentText();
}
