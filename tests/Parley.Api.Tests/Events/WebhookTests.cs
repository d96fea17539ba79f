using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Parley.Api.Tests.Support;
using Parley.Tests.Shared;
using Parley.Core.Config;
using Parley.Core.Email;

namespace Parley.Api.Tests.Events;

public sealed class WebhookTests
{
    private const string Secret = "It's a Secret to Everybody";

    [Fact]
    public async Task AnIssoReceiverVerifiesTheSignatureOverIssosBytesAndAStandardWebhooksVerifierAcceptsTheSameRequest()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var app = await StartAsync(receiver, secret: Secret);
        var created = await app.CommentAsync("/post/", "Grüße, *Ann* \"quoted\" ☃");

        var hook = Assert.Single(await receiver.WaitForAsync(1));
        var stored = (await app.Store.GetCommentAsync(created.Id))!;
        // Isso's bytes: its keys in its order, compact, non-ASCII escaped as Python's json.dumps does, the float as repr.
        var expected = "{\"event\":\"comment.created\",\"thread\":{\"id\":1,\"uri\":\"/post/\",\"title\":\"A page\"},"
            + $"\"comment\":{{\"id\":{created.Id},\"parent\":null,\"created\":{stored.Created.ToString("R", CultureInfo.InvariantCulture)},"
            + "\"modified\":null,\"mode\":1,\"text\":\"Gr\\u00fc\\u00dfe, *Ann* \\\"quoted\\\" \\u2603\",\"author\":null,\"website\":null}}";
        Assert.Equal(expected, Encoding.UTF8.GetString(hook.Body));
        Assert.Equal("/hooks/parley", hook.Path);
        Assert.Equal("application/json", hook.Header("Content-Type"));
        Assert.Equal("comment.created", hook.Header("X-Isso-Event"));

        // As Isso's documentation tells a receiver to check it: HMAC-SHA256 of the body, hex, after "sha256=".
        var isso = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), hook.Body));
        Assert.True(CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(isso), Encoding.ASCII.GetBytes(hook.Header("X-Isso-Signature"))));

        // As Standard Webhooks says: HMAC-SHA256 of "id.timestamp.body", base64 after "v1,", a timestamp within 5 minutes.
        var id = hook.Header("webhook-id");
        var timestamp = hook.Header("webhook-timestamp");
        Assert.StartsWith("evt_", id, StringComparison.Ordinal);
        Assert.InRange(long.Parse(timestamp, CultureInfo.InvariantCulture), app.Clock.GetUtcNow().ToUnixTimeSeconds() - 300,
            app.Clock.GetUtcNow().ToUnixTimeSeconds() + 300);
        var signed = Encoding.UTF8.GetBytes($"{id}.{timestamp}.").Concat(hook.Body).ToArray();
        var standard = "v1," + Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), signed));
        Assert.Contains(standard, hook.Header("webhook-signature").Split(' '));
    }

    [Fact]
    public async Task WithoutASecretNothingIsSignedAndOnlyTheChosenEventTypesGoOut()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var app = await StartAsync(receiver, events: ["comment.created", "comment.voted"]);
        var created = await app.CommentAsync("/post/");
        (await app.PostAsync($"/id/{created.Id}/like", "{}", ip: "203.0.113.9")).Dispose();
        (await app.SendAsync(HttpMethod.Delete, $"/id/{created.Id}", cookie: created.Cookie)).Dispose();

        var hooks = await receiver.WaitForAsync(2);
        await WaitUntilHandledAsync(app, receiver);
        Assert.Equal(["comment.created", "comment.voted"], receiver.Received.Select(h => h.Header("X-Isso-Event")));
        Assert.All(hooks, h => Assert.Equal("", h.Header("X-Isso-Signature")));
        Assert.All(hooks, h => Assert.Equal("", h.Header("webhook-signature")));
        Assert.Contains("\"upvote\":true", Encoding.UTF8.GetString(hooks[1].Body), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AReceiverThatFailsGetsEachEventAgainWithItsIdUntilItAcceptsAndEveryEventArrivesOnce()
    {
        // Down for the first three requests (no answer worth the name), then up.
        await using var receiver = await WebhookReceiver.StartAsync(n => n < 3 ? 503 : 200);
        await using var app = await StartAsync(receiver);
        await app.CommentAsync("/post/", "First");
        await app.CommentAsync("/post/", "Second");

        var hooks = await receiver.WaitForAsync(2, h => h.Answered == 200);
        await WaitUntilHandledAsync(app, receiver);
        var accepted = receiver.Received.Where(h => h.Answered == 200).Select(h => h.Header("webhook-id")).ToList();
        Assert.Equal(2, accepted.Count);
        Assert.Equal(accepted.Distinct(), accepted);
        // Every failed request carried the id of one that was later accepted: the same event, tried again.
        Assert.All(receiver.Received.Where(h => h.Answered != 200), h => Assert.Contains(h.Header("webhook-id"), accepted));
        Assert.Equal(3, receiver.Received.Count(h => h.Answered == 503));
        Assert.Contains(app.Logs.Lines, l => l.Contains("answered 503", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ARedirectIsNotFollowedAndCountsAsAFailure()
    {
        await using var receiver = await WebhookReceiver.StartAsync(n => n == 0 ? 307 : 200);
        await using var app = await StartAsync(receiver);
        await app.CommentAsync("/post/");
        await receiver.WaitForAsync(1, h => h.Answered == 200);
        Assert.All(receiver.Received, h => Assert.Equal("/hooks/parley", h.Path));
        Assert.Equal([307, 200], receiver.Received.Select(h => h.Answered));
        Assert.Contains(app.Logs.Lines, l => l.Contains("answered 307", StringComparison.Ordinal));
    }

    [Fact]
    public async Task APrivateAddressIsRefusedUnlessAllowedAndTheEventsWait()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var app = await StartAsync(receiver, allowPrivate: false);
        await app.CommentAsync("/post/");
        await app.Logs.WaitForAsync("allow-private");
        Assert.Empty(receiver.Received);
        // Still before the comment's event: it goes out once the endpoint is allowed (after a restart).
        var created = (await app.Store.Events.ReadAsync(0, 100)).Single(e => e.Type == "comment.created");
        Assert.True(await app.Store.Events.CursorAsync("webhook " + receiver.Url) < created.Seq);
    }

    internal static Task<TestApp> StartAsync(WebhookReceiver receiver, string secret = "", IReadOnlyList<string>? events = null,
        bool allowPrivate = true, int retries = 4, string? dbPath = null) =>
        TestApp.StartAsync(c => c with
        {
            General = c.General with { Notify = ["webhook"], DbPath = dbPath ?? c.General.DbPath },
            Webhook = new WebhookConfig
            {
                Urls = [receiver.Url],
                Secret = secret,
                Events = events ?? new WebhookConfig().Events,
                AllowPrivate = allowPrivate,
                Timeout = 5,
                Retries = [.. Enumerable.Repeat(TimeSpan.FromSeconds(1), retries)],
            },
            Admin = c.Admin with { Enabled = true, Password = AdminWire.Password },
        }, mailRetry: new MailRetry());

    // Until the endpoint's cursor has passed every event written so far.
    internal static async Task WaitUntilHandledAsync(TestApp app, WebhookReceiver receiver)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var last = (await app.Store.Events.ReadAsync(0, 10_000)).Max(e => e.Seq);
        while (await app.Store.Events.CursorAsync("webhook " + receiver.Url) < last)
        {
            await Task.Delay(20, patience.Token);
        }
    }
}
