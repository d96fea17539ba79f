using System.Net;
using Parley.Api.Tests.Support;

namespace Parley.Api.Tests.Email;

public sealed class DoubleOptInTests
{
    private static Task<TestApp> StartAsync(SmtpServer smtp) => MailSetup.StartAppAsync(smtp, c => c with
    {
        General = c.General with { Notify = ["stdout"], ReplyNotifications = true, ReplyNotificationsConfirm = true },
    });

    [Fact]
    public async Task FirstSubscriptionMailsAConfirmationAndRepliesWaitForIt()
    {
        await using var smtp = await SmtpServer.StartAsync();
        await using var app = await StartAsync(smtp);
        var top = await app.PostCommentAsync("/o", "Top", "Alice", "alice@example.org");
        var confirmation = Assert.Single(await smtp.WaitForMailsAsync(1, MailSetup.Patience));
        Assert.Equal(["alice@example.org"], confirmation.RcptTos);
        Assert.Equal("Confirm reply notifications", confirmation.Header("Subject"));
        Assert.Equal(0, (await app.Store.GetCommentAsync(top))!.Notification);

        // Unconfirmed: Bob's reply mails nobody. Eve's own confirmation mail proves the worker got past it.
        await app.PostCommentAsync("/o", "Unheard reply", "Bob", parent: top);
        await app.PostCommentAsync("/o", "Eve here", "Eve", "eve@example.org");
        var mails = await smtp.WaitForMailsAsync(2, MailSetup.Patience);
        Assert.Equal(["eve@example.org"], mails[1].RcptTos);

        using var client = app.NewClient();
        var link = MailSetup.Link(confirmation, "Confirm within seven days:");
        using var page = await client.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<form method=\"post\">", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, (await app.Store.GetCommentAsync(top))!.Notification);
        using var confirmed = await client.PostAsync(link, null);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal(1, (await app.Store.GetCommentAsync(top))!.Notification);

        await app.PostCommentAsync("/o", "Heard reply", "Carol", parent: top);
        mails = await smtp.WaitForMailsAsync(3, MailSetup.Patience);
        Assert.Contains("Heard reply", mails[2].Body, StringComparison.Ordinal);
        Assert.Equal(["alice@example.org"], mails[2].RcptTos);

        // A confirmed address is subscribed at once next time, without another confirmation.
        var again = await app.PostCommentAsync("/o2", "Second thread", "Alice", "alice@example.org");
        Assert.Equal(1, (await app.Store.GetCommentAsync(again))!.Notification);
    }

    [Fact]
    public async Task ForgedExpiredAndForeignConfirmationLinksChangeNothing()
    {
        await using var smtp = await SmtpServer.StartAsync();
        await using var app = await StartAsync(smtp);
        var top = await app.PostCommentAsync("/o", "Top", "Alice", "alice@example.org");
        var link = MailSetup.Link(Assert.Single(await smtp.WaitForMailsAsync(1, MailSetup.Patience)), "Confirm within seven days:");
        using var client = app.NewClient();

        using var forged = await client.PostAsync(link[..^2] + "xx", null);
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        var otherKey = app.Tokens().SubscribeKey("mallory@example.org", top);
        using var foreign = await client.PostAsync($"/id/{top}/subscribe/alice%40example.org/{otherKey}", null);
        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);

        app.Clock.Advance(TimeSpan.FromDays(8));
        using var expired = await client.PostAsync(link, null);
        Assert.Equal(HttpStatusCode.Forbidden, expired.StatusCode);
        Assert.Contains("expired", await expired.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, (await app.Store.GetCommentAsync(top))!.Notification);
    }
}
