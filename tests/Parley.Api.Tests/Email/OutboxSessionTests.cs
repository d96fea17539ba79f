using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Parley.Api.Tests.Support;
using Parley.Core.Config;
using Parley.Core.Email;
using Xunit.Abstractions;

namespace Parley.Api.Tests.Email;

/// <summary>The outbox sends a queue of mail over one SMTP session, and each mail still keeps its own fate.</summary>
public sealed class OutboxSessionTests(ITestOutputHelper output)
{
    private static readonly DateTimeOffset Date = new(2026, 11, 21, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task AThousandWaitingMailsLeaveOverFewConnectionsEachExactlyOnce()
    {
        await using var smtp = await SmtpServer.StartAsync();
        await using var app = await StartAppAsync(smtp);
        await QueueAsync(app, Enumerable.Range(1, 1000));

        var watch = Stopwatch.StartNew();
        app.Services.GetRequiredService<OutboxSignal>().Notify();
        await WaitForEmptyOutboxAsync(app);
        watch.Stop();

        output.WriteLine($"1,000 mails delivered in {watch.Elapsed.TotalSeconds:0.00} s over {smtp.Connections} connection(s)");
        AssertEachArrivedOnce(smtp, Enumerable.Range(1, 1000));
        Assert.True(smtp.Connections <= 2, $"1,000 mails took {smtp.Connections} connections");
    }

    [Fact]
    public async Task ARefusedRecipientMidBatchDoesNotStopTheOthersInTheSameSession()
    {
        await using var smtp = await SmtpServer.StartAsync(new SmtpServerOptions { RejectRecipient = "reader3@example.org" });
        await using var app = await StartAppAsync(smtp);
        await QueueAsync(app, Enumerable.Range(1, 5));

        app.Services.GetRequiredService<OutboxSignal>().Notify();
        // Empty once the four others are sent and the refused one is given up (a 5xx is tried three times).
        await WaitForEmptyOutboxAsync(app);

        AssertEachArrivedOnce(smtp, [1, 2, 4, 5]);
        Assert.Equal(1, smtp.Connections);
    }

    [Fact]
    public async Task MailsLeftWhenTheServerCutsTheLineMidBatchArriveAfterReconnectingNoneLostNoneTwice()
    {
        await using var smtp = await SmtpServer.StartAsync(new SmtpServerOptions { DropAfter = 10 });
        await using var app = await StartAppAsync(smtp);
        await QueueAsync(app, Enumerable.Range(1, 30));

        app.Services.GetRequiredService<OutboxSignal>().Notify();
        await WaitForEmptyOutboxAsync(app);

        AssertEachArrivedOnce(smtp, Enumerable.Range(1, 30));
        Assert.Equal(2, smtp.Connections); // the one cut after ten mails, and the one that carried the rest
    }

    [Fact]
    public async Task TheSessionIsClosedWhenNoMoreMailComesWhileTheServerRuns()
    {
        await using var smtp = await SmtpServer.StartAsync();
        await using var app = await StartAppAsync(smtp);
        await QueueAsync(app, [1]);
        app.Services.GetRequiredService<OutboxSignal>().Notify();
        await WaitForEmptyOutboxAsync(app);

        var watch = Stopwatch.StartNew();
        while (smtp.OpenConnections > 0)
        {
            Assert.True(watch.Elapsed < MailSetup.Patience, "the idle SMTP session was never closed");
            await Task.Delay(50);
        }
        output.WriteLine($"closed {watch.Elapsed.TotalSeconds:0.0} s after the last mail");
        Assert.Equal(1, smtp.Connections);
    }

    [Fact]
    public async Task MailAfterAReloadGoesToTheNewServerThoughASessionToTheOldOneIsOpen()
    {
        await using var before = await SmtpServer.StartAsync();
        await using var after = await SmtpServer.StartAsync();
        await using var app = await StartAppAsync(before);
        await QueueAsync(app, [1]);
        app.Services.GetRequiredService<OutboxSignal>().Notify();
        await WaitForEmptyOutboxAsync(app);

        var live = app.Services.GetRequiredService<LiveConfig>();
        live.Replace(live.Current with { Smtp = live.Current.Smtp with { Port = after.Port } });
        await QueueAsync(app, [2]);
        app.Services.GetRequiredService<OutboxSignal>().Notify();
        await WaitForEmptyOutboxAsync(app);

        AssertEachArrivedOnce(before, [1]);
        AssertEachArrivedOnce(after, [2]);
    }

    [Fact]
    public async Task ASessionTheServerDroppedWhileIdleIsReplacedWithoutFailingTheNextMail()
    {
        await using var smtp = await SmtpServer.StartAsync();
        await using var app = await StartAppAsync(smtp);
        await QueueAsync(app, [1]);
        app.Services.GetRequiredService<OutboxSignal>().Notify();
        await WaitForEmptyOutboxAsync(app);

        await smtp.StopAsync(); // the kept session dies with the server
        await smtp.StartAsync();
        await QueueAsync(app, [2]);
        app.Services.GetRequiredService<OutboxSignal>().Notify();
        await WaitForEmptyOutboxAsync(app);

        AssertEachArrivedOnce(smtp, [1, 2]);
        Assert.Equal(2, smtp.Connections);
        Assert.DoesNotContain(app.Logs.Lines, line => line.Contains("failed", StringComparison.Ordinal));
    }

    // No owner or reply mail, so no start-up probe: every connection the server counts carried outbox mail.
    private static Task<TestApp> StartAppAsync(SmtpServer smtp) =>
        MailSetup.StartAppAsync(smtp, c => c with { General = c.General with { Notify = ["stdout"] } });

    // Straight into the outbox, as the mail destination queues; the worker is woken by the test, once all are in.
    private static async Task QueueAsync(TestApp app, IEnumerable<int> numbers)
    {
        var now = app.Clock.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0;
        foreach (var n in numbers)
        {
            var to = $"reader{n}@example.org";
            var message = MimeWriter.Write(new MailMessage("parley@example.org", to, $"Mail {n}", $"Body {n}"), Date, $"{n}@example.org");
            await app.Store.Outbox.EnqueueAsync([new OutgoingMail("parley@example.org", to, message, null)], now);
        }
    }

    // A row leaves the outbox only after the server took its mail, and only rows are sent: once it is empty,
    // nothing more can arrive.
    private static async Task WaitForEmptyOutboxAsync(TestApp app)
    {
        var deadline = Stopwatch.StartNew();
        while (await app.Store.Outbox.NextDueAsync() is not null)
        {
            Assert.True(deadline.Elapsed < MailSetup.Patience, "the outbox did not empty in time");
            await Task.Delay(20);
        }
    }

    private static void AssertEachArrivedOnce(SmtpServer smtp, IEnumerable<int> numbers) =>
        Assert.Equal(numbers.Select(n => $"Mail {n}").Order(StringComparer.Ordinal),
            smtp.Mails.Select(m => m.Header("Subject")).Order(StringComparer.Ordinal));
}
