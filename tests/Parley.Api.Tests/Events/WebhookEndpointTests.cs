using System.Net;
using System.Text.Json;
using Parley.Api.Tests.Support;
using Parley.Tests.Shared;

namespace Parley.Api.Tests.Events;

/// <summary>
/// A webhook endpoint over time: its retry schedule, stopping (retries used up, or <c>410 Gone</c>) kept in the
/// database, the admin's view of it (state, delivery log) with "start again" and "send again", and one delivery per
/// event however many instances share the database.
/// </summary>
public sealed class WebhookEndpointTests
{
    [Fact]
    public async Task AnEndpointThatKeepsFailingIsStoppedAfterItsLastRetryAndTakesWhatItMissedWhenAnAdminStartsIt()
    {
        var up = 0;
        await using var receiver = await WebhookReceiver.StartAsync(_ => Volatile.Read(ref up) == 1 ? 200 : 503);
        await using var app = await WebhookTests.StartAsync(receiver, retries: 2);
        var login = await app.SignInAsync();
        var first = await app.CommentAsync("/post/", "First");

        var endpoint = await WaitForStateAsync(app, login, "stopped");
        Assert.Equal(3, receiver.Received.Count);
        Assert.Contains("3 failed attempts in a row", endpoint.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Contains("503", endpoint.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.True(endpoint.GetProperty("pending").GetInt64() >= 1);
        var deliveries = endpoint.GetProperty("deliveries").EnumerateArray().ToList();
        Assert.Equal([3, 2, 1], deliveries.Select(d => d.GetProperty("attempt").GetInt32()));
        Assert.All(deliveries, d => Assert.False(d.GetProperty("ok").GetBoolean()));
        Assert.All(deliveries, d => Assert.Equal($"{receiver.Url} answered 503 Service Unavailable", d.GetProperty("result").GetString()));
        Assert.Contains(app.Logs.Lines, l => l.Contains("is stopped", StringComparison.Ordinal));

        // Stopped: a new event waits and nothing is sent.
        await app.CommentAsync("/post/", "Second");
        await Task.Delay(1500);
        Assert.Equal(3, receiver.Received.Count);

        Interlocked.Exchange(ref up, 1);
        using (var start = await app.AdminAsync(HttpMethod.Post, "/admin/api/webhooks/start", login, Json(new { url = receiver.Url })))
        {
            Assert.Equal(HttpStatusCode.NoContent, start.StatusCode);
        }
        await receiver.WaitForAsync(2, h => h.Answered == 200);
        var accepted = receiver.Received.Where(h => h.Answered == 200).ToList();
        Assert.Equal(["First", "Second"], accepted.Select(h => JsonDocument.Parse(h.Body).RootElement.GetProperty("comment").GetProperty("text").GetString()));
        Assert.Equal(receiver.Received[0].Header("webhook-id"), accepted[0].Header("webhook-id"));
        Assert.Contains(first.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), System.Text.Encoding.UTF8.GetString(accepted[0].Body), StringComparison.Ordinal);
        var running = await WaitForStateAsync(app, login, "running");
        Assert.Equal("200 OK", running.GetProperty("deliveries")[0].GetProperty("result").GetString());
    }

    [Fact]
    public async Task A410StopsTheEndpointAndItIsStillStoppedAfterARestart()
    {
        var directory = Directory.CreateTempSubdirectory("parley-webhook-").FullName;
        try
        {
            var dbPath = Path.Combine(directory, "comments.db");
            await using var receiver = await WebhookReceiver.StartAsync(_ => 410);
            await using (var app = await WebhookTests.StartAsync(receiver, dbPath: dbPath))
            {
                var login = await app.SignInAsync();
                await app.CommentAsync("/post/", "First");
                var stopped = await WaitForStateAsync(app, login, "stopped");
                Assert.Equal($"{receiver.Url} answered 410 Gone", stopped.GetProperty("reason").GetString());
                Assert.False(stopped.GetProperty("deliveries")[0].GetProperty("ok").GetBoolean());
            }
            await using (var again = await WebhookTests.StartAsync(receiver, dbPath: dbPath))
            {
                var login = await again.SignInAsync();
                await again.CommentAsync("/post/", "Second");
                await Task.Delay(1500);
                Assert.Single(receiver.Received);
                var endpoint = await EndpointAsync(again, login);
                Assert.Equal("stopped", endpoint.GetProperty("state").GetString());
                Assert.Equal(2, endpoint.GetProperty("pending").GetInt64());
                using var history = await again.AdminAsync(HttpMethod.Get, "/admin/api/events?type=comment.created", login);
                var states = (await Wire.JsonOf(history)).GetProperty("events").EnumerateArray()
                    .Select(e => e.GetProperty("deliveries").EnumerateArray().Single(d => d.GetProperty("destination").GetString() == "webhook " + receiver.Url))
                    .Select(d => d.GetProperty("state").GetString());
                Assert.Equal(["stopped", "stopped"], states);
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task SendAgainDeliversALoggedEventWithItsIdAndLogsTheAttempt()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var app = await WebhookTests.StartAsync(receiver);
        var login = await app.SignInAsync();
        await app.CommentAsync("/post/", "Hello");
        var hook = Assert.Single(await receiver.WaitForAsync(1));
        var logged = Assert.Single((await WaitForStateAsync(app, login, "running", deliveries: 1)).GetProperty("deliveries").EnumerateArray());
        Assert.Equal(hook.Header("webhook-id"), logged.GetProperty("event").GetString());
        Assert.Equal(("comment.created", true, "200 OK", 1), (logged.GetProperty("type").GetString(), logged.GetProperty("ok").GetBoolean(),
            logged.GetProperty("result").GetString(), logged.GetProperty("attempt").GetInt32()));

        using var resend = await app.AdminAsync(HttpMethod.Post, "/admin/api/webhooks/resend", login,
            Json(new { url = receiver.Url, @event = hook.Header("webhook-id") }));
        Assert.Equal(HttpStatusCode.OK, resend.StatusCode);
        var answer = await Wire.JsonOf(resend);
        Assert.Equal((true, "200 OK", 0), (answer.GetProperty("ok").GetBoolean(), answer.GetProperty("result").GetString(), answer.GetProperty("attempt").GetInt32()));
        Assert.Equal(2, receiver.Received.Count);
        Assert.Equal(hook.Header("webhook-id"), receiver.Received[1].Header("webhook-id"));
        Assert.Equal(hook.Body, receiver.Received[1].Body);
        var attempts = (await EndpointAsync(app, login)).GetProperty("deliveries").EnumerateArray().Select(d => d.GetProperty("attempt").GetInt32());
        Assert.Equal([0, 1], attempts);

        // The history shows the event's standing for every destination, with the endpoint's attempts at it.
        using var history = await app.AdminAsync(HttpMethod.Get, "/admin/api/events?type=comment.created", login);
        var created = (await Wire.JsonOf(history)).GetProperty("events")[0];
        var standings = created.GetProperty("deliveries").EnumerateArray().ToDictionary(d => d.GetProperty("destination").GetString()!);
        Assert.Equal(["log", "mail", "webhook " + receiver.Url], standings.Keys.Order(StringComparer.Ordinal));
        Assert.All(standings.Values, d => Assert.Equal("handled", d.GetProperty("state").GetString()));
        Assert.Empty(standings["mail"].GetProperty("attempts").EnumerateArray());
        Assert.Equal([(0, true, "200 OK"), (1, true, "200 OK")], standings["webhook " + receiver.Url].GetProperty("attempts").EnumerateArray()
            .Select(a => (a.GetProperty("attempt").GetInt32(), a.GetProperty("ok").GetBoolean(), a.GetProperty("result").GetString())));
    }

    [Theory]
    [InlineData("/admin/api/webhooks/resend", """{"url":"https://nowhere.example/","event":"evt_01KBX3V0000000000000000001"}""", 404, "is not in [webhook] url")]
    [InlineData("/admin/api/webhooks/resend", """{"url":"URL","event":"nope"}""", 400, "event must be an event id")]
    [InlineData("/admin/api/webhooks/resend", """{"url":"URL","event":"evt_01KBX3V00000000000000000ZZ"}""", 404, "is no longer in the log")]
    [InlineData("/admin/api/webhooks/start", """{"address":"URL"}""", 400, "url must be the endpoint's URL")]
    [InlineData("/admin/api/webhooks/start", "[]", 400, "url must be the endpoint's URL")]
    public async Task BadRequestsAreRefusedWithAMessage(string path, string body, int status, string message)
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var app = await WebhookTests.StartAsync(receiver);
        var login = await app.SignInAsync();
        using var response = await app.AdminAsync(HttpMethod.Post, path, login, body.Replace("URL", receiver.Url, StringComparison.Ordinal));
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Contains(message, await AdminWire.MessageAsync(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoInstancesOnOneDatabaseSendEachEventOnceAndTheSecondTakesOverWhenTheFirstStops()
    {
        var directory = Directory.CreateTempSubdirectory("parley-webhook-").FullName;
        try
        {
            var dbPath = Path.Combine(directory, "comments.db");
            await using var receiver = await WebhookReceiver.StartAsync();
            await using var b = await StartAtAsync(receiver, dbPath, "http://127.0.0.1:9302");
            var a = await StartAtAsync(receiver, dbPath, "http://127.0.0.1:9301");
            for (var i = 0; i < 6; i++)
            {
                await (i % 2 == 0 ? a : b).CommentAsync("/post/", $"comment {i}");
            }
            await receiver.WaitForAsync(6);
            await a.DisposeAsync();
            await b.CommentAsync("/post/", "comment 6");
            await receiver.WaitForAsync(7);
            await WebhookTests.WaitUntilHandledAsync(b, receiver);
            await Task.Delay(1000);

            var texts = receiver.Received.Select(h => JsonDocument.Parse(h.Body).RootElement.GetProperty("comment").GetProperty("text").GetString());
            Assert.Equal(Enumerable.Range(0, 7).Select(i => $"comment {i}"), texts);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static Task<TestApp> StartAtAsync(WebhookReceiver receiver, string dbPath, string listen) =>
        TestApp.StartAsync(c => c with
        {
            General = c.General with { Notify = ["webhook"], DbPath = dbPath },
            Server = c.Server with { Listen = listen },
            Guard = c.Guard with { Enabled = false },
            Webhook = new Core.Config.WebhookConfig { Urls = [receiver.Url], AllowPrivate = true, Timeout = 5 },
        }, mailRetry: new Core.Email.MailRetry());

    private static string Json(object body) => JsonSerializer.Serialize(body);

    private static async Task<JsonElement> EndpointAsync(TestApp app, AdminLogin login)
    {
        using var response = await app.AdminAsync(HttpMethod.Get, "/admin/api/webhooks", login);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Assert.Single((await Wire.JsonOf(response)).GetProperty("webhooks").EnumerateArray());
    }

    private static async Task<JsonElement> WaitForStateAsync(TestApp app, AdminLogin login, string state, int deliveries = 0)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var endpoint = await EndpointAsync(app, login);
            if (endpoint.GetProperty("state").GetString() == state && endpoint.GetProperty("deliveries").GetArrayLength() >= deliveries)
            {
                return endpoint;
            }
            await Task.Delay(50, patience.Token);
        }
    }
}
