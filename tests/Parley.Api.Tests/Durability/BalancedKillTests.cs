using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Parley.Api.Tests.Support;
using Parley.Tests.Shared;
using Xunit.Abstractions;
using static Parley.Api.Tests.Deployment.ServerProcessWire;

namespace Parley.Api.Tests.Durability;

/// <summary>
/// One of two instances behind the balancer dies (SIGKILL) while readers post: the other goes on serving, every comment
/// that was acknowledged is stored, and every stored comment is mailed to the owner, the dead instance's claimed mails
/// included once their lease runs out.
/// </summary>
public sealed partial class BalancedKillTests(ITestOutputHelper output)
{
    private const int Posters = 3;
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(90);

    [SkippableFact]
    public async Task AnInstanceKilledMidStreamLosesNoAcknowledgedCommentAndNoMail()
    {
        TestPostgres.Require();
        await using var smtp = await SmtpServer.StartAsync();
        await using var site = await LoadBalancedSite.StartAsync(OwnerMails.Settings(smtp));
        var acknowledged = new ConcurrentDictionary<string, long>();
        var refused = new ConcurrentBag<string>();
        var unexpected = new ConcurrentBag<string>();
        var next = 0;
        using var stop = new CancellationTokenSource();
        var posters = Enumerable.Range(0, Posters)
            .Select(_ => PostAsync(site.Client, () => $"k-{Interlocked.Increment(ref next):D5}", acknowledged, refused, unexpected, stop.Token))
            .ToList();

        await Task.Delay(TimeSpan.FromSeconds(1.5));
        var before = acknowledged.Count;
        await site.Servers[0].KillAsync();
        await Task.Delay(TimeSpan.FromSeconds(2));
        await stop.CancelAsync();
        await Task.WhenAll(posters);
        var after = acknowledged.Count - before;
        output.WriteLine($"{before} comments acknowledged before the kill, {after} after it (by the survivor); "
            + $"{refused.Count} answered by the balancer with an error, their fate unknown: {string.Join(", ", refused.Take(10))}");
        Assert.True(unexpected.IsEmpty, "unexpected answers:\n" + string.Join("\n", unexpected));
        Assert.True(after > 0, "nothing was acknowledged after the kill: the survivor did not take over\n" + site.Logs);

        var watch = Stopwatch.StartNew();
        var (stored, mailed) = await WaitForDrainAsync(site, smtp);
        output.WriteLine($"drained in {watch.Elapsed.TotalSeconds:F1} s");
        var lost = acknowledged.Where(a => !stored.TryGetValue(a.Value, out var text) || text != a.Key).Select(a => a.Key).ToList();
        Assert.True(lost.Count == 0, $"acknowledged but not stored: {string.Join(", ", lost)}");
        var unmailed = stored.Values.Where(text => !mailed.ContainsKey(text)).ToList();
        Assert.True(unmailed.Count == 0, $"stored but never mailed: {string.Join(", ", unmailed)}\n{site.Logs}");
        var duplicates = mailed.Where(m => m.Value.Count > 1).OrderBy(m => m.Key, StringComparer.Ordinal).ToList();
        output.WriteLine($"{stored.Count} comments stored ({stored.Count - acknowledged.Count} never acknowledged), "
            + $"{mailed.Values.Sum(ids => ids.Count)} owner mails; {duplicates.Count} comments mailed more than once: "
            + string.Join(", ", duplicates.Select(d => $"{d.Key}×{d.Value.Count} ({d.Value.Distinct().Count()} Message-IDs)")));
    }

    // Posts through the balancer until told to stop. A 502 or 504 is the balancer reporting the instance that died with
    // the request, and a bare 503 the balancer finding no instance it trusts for a moment (Parley's own 503 carries a
    // message): not acknowledged, and the comment may or may not be stored.
    private static async Task PostAsync(HttpClient client, Func<string> nextText, ConcurrentDictionary<string, long> acknowledged,
        ConcurrentBag<string> refused, ConcurrentBag<string> unexpected, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var text = nextText();
            HttpStatusCode status;
            JsonElement body;
            try
            {
                (status, body) = await NewAsync(client, "/k/", text);
            }
            catch (Exception e) when (e is HttpRequestException or IOException or JsonException)
            {
                refused.Add($"{text} ({e.GetType().Name})");
                continue;
            }
            if (status is HttpStatusCode.BadGateway or HttpStatusCode.GatewayTimeout || FromBalancer(status, body))
            {
                refused.Add($"{text} ({(int)status})");
            }
            else if (status is HttpStatusCode.Created)
            {
                acknowledged[text] = body.GetProperty("id").GetInt64();
            }
            else
            {
                unexpected.Add($"{text}: {(int)status} {body}");
            }
        }
    }

    private static bool FromBalancer(HttpStatusCode status, JsonElement body) =>
        status == HttpStatusCode.ServiceUnavailable && (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("message", out _));

    // Until every stored comment has its owner mail, the outbox is empty and the mail destination has read every event.
    private static async Task<(Dictionary<long, string> Stored, Dictionary<string, List<string>> Mailed)> WaitForDrainAsync(
        LoadBalancedSite site, SmtpServer smtp)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var stored = (await site.RowsAsync<long, string>("SELECT id, text FROM comments")).ToDictionary(r => r.Item1, r => r.Item2);
            var queued = await site.ScalarAsync<long>("SELECT count(*) FROM parley_outbox");
            var behind = await site.ScalarAsync<bool>("""
                SELECT coalesce((SELECT max(seq) FROM parley_events), 0) > coalesce((SELECT seq FROM parley_event_cursors WHERE destination = 'mail'), 0)
                """);
            var mailed = OwnerMails.ByText(smtp, CommentText());
            if ((stored.Values.All(mailed.ContainsKey) && queued == 0 && !behind) || watch.Elapsed > DrainTimeout)
            {
                return (stored, mailed);
            }
            await Task.Delay(200);
        }
    }

    [GeneratedRegex(@"k-\d{5}")]
    private static partial Regex CommentText();
}
