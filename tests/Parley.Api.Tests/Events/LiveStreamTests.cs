using System.Net;
using Parley.Api.Tests.Support;
using Parley.Tests.Shared;

namespace Parley.Api.Tests.Events;

public sealed class LiveStreamTests
{
    [Fact]
    public async Task ANewCommentArrivesOnTheStreamOfItsThreadAsAFetchShowsItAndNotOnAnother()
    {
        await using var app = await TestApp.StartAsync();
        await using var onA = await SseReader.OpenAsync(app.Client, "/events/stream?uri=%2Fa%2F");
        await using var everything = await SseReader.OpenAsync(app.Client, "/events/stream");
        Assert.Equal("text/event-stream", onA.Response.Content.Headers.ContentType!.MediaType);

        var created = await app.CommentAsync("/a/", "Live *Markdown*", email: "ann@example.org");
        await app.CommentAsync("/b/", "Elsewhere");

        var first = await onA.NextAsync();
        Assert.NotNull(first);
        Assert.Equal("comment.created", first.Type);
        Assert.StartsWith("evt_", first.Id, StringComparison.Ordinal);
        Assert.Equal("/a/", first.Data.GetProperty("uri").GetString());
        var comment = first.Data.GetProperty("comment");
        Assert.Equal(created.Id, comment.GetProperty("id").GetInt64());
        Assert.Equal("<p>Live <em>Markdown</em></p>", comment.GetProperty("text").GetString());
        Assert.DoesNotContain("ann@example.org", first.Data.GetRawText(), StringComparison.Ordinal);
        Assert.Null(await onA.NextAsync(TimeSpan.FromSeconds(1)));

        var all = new[] { await everything.NextAsync(), await everything.NextAsync() };
        Assert.Equal(["/a/", "/b/"], all.Select(e => e!.Data.GetProperty("uri").GetString()));
    }

    [Fact]
    public async Task AReconnectWithLastEventIdGetsWhatWasMissedAndNothingTwice()
    {
        await using var app = await TestApp.StartAsync();
        string lastSeen;
        await using (var stream = await SseReader.OpenAsync(app.Client, "/events/stream?uri=%2Fa%2F"))
        {
            await app.CommentAsync("/a/", "Seen");
            lastSeen = (await stream.NextAsync())!.Id;
        }
        await app.CommentAsync("/a/", "Missed while away");
        var voted = await app.CommentAsync("/a/", "Also missed");
        (await app.PostAsync($"/id/{voted.Id}/like", "{}", ip: "203.0.113.7")).Dispose();

        await using var again = await SseReader.OpenAsync(app.Client, "/events/stream?uri=%2Fa%2F", lastEventId: lastSeen);
        var missed = new[] { await again.NextAsync(), await again.NextAsync(), await again.NextAsync() };
        Assert.Equal(["comment.created", "comment.created", "comment.voted"], missed.Select(e => e!.Type));
        Assert.Equal("<p>Missed while away</p>", missed[0]!.Data.GetProperty("comment").GetProperty("text").GetString());
        Assert.Equal(1, missed[2]!.Data.GetProperty("likes").GetInt32());
        Assert.Null(await again.NextAsync(TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task APendingCommentIsNotShownUntilItIsApproved()
    {
        await using var app = await TestApp.StartAsync(c => c with { Moderation = c.Moderation with { Enabled = true } });
        await using var stream = await SseReader.OpenAsync(app.Client, "/events/stream");
        var pending = await app.CommentAsync("/a/", "Waiting for approval");
        Assert.Null(await stream.NextAsync(TimeSpan.FromSeconds(1)));

        var key = app.Tokens().ModerationKey(pending.Id);
        (await app.PostAsync($"/id/{pending.Id}/activate/{key}", "")).Dispose();
        var approved = await stream.NextAsync();
        Assert.Equal("comment.activated", approved!.Type);
        Assert.Equal("<p>Waiting for approval</p>", approved.Data.GetProperty("comment").GetProperty("text").GetString());
    }

    [Fact]
    public async Task OneNetworkMayHoldOnlyAFewStreams()
    {
        await using var app = await TestApp.StartAsync();
        var open = new List<SseReader>();
        try
        {
            for (var i = 0; i < 4; i++)
            {
                open.Add(await SseReader.OpenAsync(app.Client, "/events/stream"));
                Assert.Equal(HttpStatusCode.OK, open[^1].Response.StatusCode);
            }
            await using var refused = await SseReader.OpenAsync(app.Client, "/events/stream");
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.Response.StatusCode);
            Assert.Contains("at most 4 live streams", await refused.RestAsync(), StringComparison.Ordinal);
        }
        finally
        {
            foreach (var stream in open)
            {
                await stream.DisposeAsync();
            }
        }
        // A closed stream gives its place back.
        await using var later = await WaitForStreamAsync(app);
        Assert.Equal(HttpStatusCode.OK, later.Response.StatusCode);
    }

    [SkippableFact]
    public async Task OnPostgresAStreamHeldOnOneInstanceCarriesACommentPostedThroughTheOther()
    {
        TestPostgres.Require();
        await using var first = await TestApp.StartOnPostgresAsync();
        // The second instance shares the database and runs on real time, as it does in production: it hears of the
        // first one's writes only from the log.
        await using var second = await TestApp.StartAsync(c => c with { General = c.General with { DbPath = first.Config.General.DbPath } },
            mailRetry: new Parley.Core.Email.MailRetry());
        await using var stream = await SseReader.OpenAsync(second.Client, "/events/stream?uri=%2Fshared%2F");

        var created = await first.CommentAsync("/shared/", "Posted through the first instance");
        var arrived = await stream.NextAsync(TimeSpan.FromSeconds(5));
        Assert.Equal("comment.created", arrived!.Type);
        Assert.Equal(created.Id, arrived.Data.GetProperty("comment").GetProperty("id").GetInt64());
    }

    private static async Task<SseReader> WaitForStreamAsync(TestApp app)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            var stream = await SseReader.OpenAsync(app.Client, "/events/stream");
            if (stream.Response.StatusCode == HttpStatusCode.OK)
            {
                return stream;
            }
            await stream.DisposeAsync();
            await Task.Delay(50, patience.Token);
        }
    }
}
