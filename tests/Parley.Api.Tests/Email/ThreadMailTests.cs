using System.Net;
using Parley.Api.Tests.Support;
using Parley.Core.Comments;

namespace Parley.Api.Tests.Email;

/// <summary>
/// Whole-thread subscriptions end to end, through a real SMTP server process: <c>[general] thread-notifications</c>
/// lets a commenter hear of every new comment of the page (<c>notification = 2</c>), and its own link leaves the page.
/// </summary>
public sealed class ThreadMailTests
{
    private const string Alice = "alice@example.org";

    private static Task<TestApp> StartAsync(SmtpServer smtp, bool confirm = false) => MailSetup.StartAppAsync(smtp, c => c with
    {
        General = c.General with { Notify = ["stdout"], ReplyNotifications = true, ThreadNotifications = true, ReplyNotificationsConfirm = confirm },
    });

    [Fact]
    public async Task ASubscriberHearsOfEveryNewCommentButTheirOwnOnceEachAndTheLinkLeavesTheWholePage()
    {
        await using var smtp = await SmtpServer.StartAsync();
        await using var app = await StartAsync(smtp);
        var top = await app.PostCommentAsync("/t", "Top", "Alice", Alice, wholeThread: true);
        Assert.Equal(Subscription.Thread, (await app.Store.GetCommentAsync(top))!.Notification);

        // A new top-level comment by someone else: Alice is mailed, with the thread's own unsubscribe link.
        var bob = await app.PostCommentAsync("/t", "Another view", "Bob", "bob@example.org", notify: false);
        var first = Assert.Single(await smtp.WaitForMailsAsync(1, MailSetup.Patience));
        Assert.Equal([Alice], first.RcptTos);
        Assert.Equal("New comment posted on A page", first.Header("Subject"));
        var endpoint = app.BaseAddress.ToString().TrimEnd('/');
        var unsubscribe = $"{endpoint}/id/{top}/unsubscribe/alice%40example.org/{app.Tokens().UnsubscribeKey(Alice, thread: true)}";
        Assert.Equal($"<{unsubscribe}>", first.Header("List-Unsubscribe"));
        Assert.Equal("List-Unsubscribe=One-Click", first.Header("List-Unsubscribe-Post"));
        Assert.Equal($"Bob wrote:\n\nAnother view\n\nLink to comment: https://example.tld/t#isso-{bob}\n\n---\n"
            + $"Unsubscribe from all comments on this page: {unsubscribe}", first.Body.ReplaceLineEndings("\n").TrimEnd('\n'));

        // Her own comment mails nobody; a reply deep in someone else's conversation still reaches her.
        await app.PostCommentAsync("/t", "My own addition", "Alice", Alice, notify: false);
        await app.PostCommentAsync("/t", "Answering Bob", "Carol", "carol@example.org", parent: bob, notify: false);
        var mails = await smtp.WaitForMailsAsync(2, MailSetup.Patience);
        Assert.Contains("Carol wrote:\n\nAnswering Bob", mails[1].Body.ReplaceLineEndings("\n"), StringComparison.Ordinal);

        // A reply to her comment is both a reply and a thread comment: one mail, the reply mail.
        await app.PostCommentAsync("/t", "Replying to Alice", "Bob", "bob@example.org", parent: top, notify: false);
        mails = await smtp.WaitForMailsAsync(3, MailSetup.Patience);
        Assert.Equal("Re: New comment posted on A page", mails[2].Header("Subject"));

        // Another page is another thread.
        await app.PostCommentAsync("/u", "Elsewhere", "Dave", "dave@example.org", notify: false);

        using var client = app.NewClient();
        using var left = await client.GetAsync(MailSetup.Link(first, "Unsubscribe from all comments on this page:"));
        Assert.Equal(HttpStatusCode.OK, left.StatusCode);
        Assert.Contains("unsubscribed from all comments on this page", await left.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(Subscription.None, (await app.Store.GetCommentAsync(top))!.Notification);

        // Eve subscribes after her; Frank's comment reaches Eve and no longer Alice.
        await app.PostCommentAsync("/t", "Count me in", "Eve", "eve@example.org", wholeThread: true);
        await app.PostCommentAsync("/t", "Late word", "Frank", "frank@example.org", notify: false);
        mails = await smtp.WaitForMailsAsync(4, MailSetup.Patience);
        Assert.Equal(["eve@example.org"], mails[3].RcptTos);
        Assert.Contains("Late word", mails[3].Body, StringComparison.Ordinal);
        await Task.Delay(300);
        Assert.Equal(4, smtp.Mails.Count);
        Assert.Equal(3, smtp.Mails.To(Alice).Count);
        Assert.DoesNotContain(smtp.Mails, m => m.Body.Contains("My own addition", StringComparison.Ordinal) || m.Body.Contains("Elsewhere", StringComparison.Ordinal));
    }

    [Fact]
    public async Task OneClickPostFromAMailClientLeavesThePageAndKeepsOtherPages()
    {
        await using var smtp = await SmtpServer.StartAsync();
        await using var app = await StartAsync(smtp);
        var top = await app.PostCommentAsync("/t", "Top", "Alice", Alice, wholeThread: true);
        var second = await app.PostCommentAsync("/t", "Second, replies only", "Alice", Alice);
        var elsewhere = await app.PostCommentAsync("/u", "On another page", "Alice", Alice, wholeThread: true);
        await app.PostCommentAsync("/t", "Hello", "Bob", "bob@example.org", notify: false);
        var mail = Assert.Single(await smtp.WaitForMailsAsync(1, MailSetup.Patience));

        using var client = app.NewClient();
        using var oneClick = await client.PostAsync(mail.Header("List-Unsubscribe").Trim('<', '>'),
            new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));

        Assert.Equal(HttpStatusCode.OK, oneClick.StatusCode);
        Assert.Equal(Subscription.None, (await app.Store.GetCommentAsync(top))!.Notification);
        Assert.Equal(Subscription.None, (await app.Store.GetCommentAsync(second))!.Notification);
        Assert.Equal(Subscription.Thread, (await app.Store.GetCommentAsync(elsewhere))!.Notification);
    }

    [Fact]
    public async Task DoubleOptInConfirmsTheWholeThreadAndNothingIsSentBefore()
    {
        await using var smtp = await SmtpServer.StartAsync();
        await using var app = await StartAsync(smtp, confirm: true);
        var top = await app.PostCommentAsync("/o", "Top", "Alice", Alice, wholeThread: true);
        var confirmation = Assert.Single(await smtp.WaitForMailsAsync(1, MailSetup.Patience));
        Assert.Equal("Confirm comment notifications", confirmation.Header("Subject"));
        Assert.Contains("You asked to get an e-mail for every new comment on A page.", confirmation.Body, StringComparison.Ordinal);
        Assert.Equal(Subscription.None, (await app.Store.GetCommentAsync(top))!.Notification);

        // Unconfirmed: Bob's comment mails nobody. Eve's own confirmation mail proves the worker got past it.
        await app.PostCommentAsync("/o", "Unheard", "Bob", "bob@example.org", notify: false);
        await app.PostCommentAsync("/o", "Eve here", "Eve", "eve@example.org");
        var mails = await smtp.WaitForMailsAsync(2, MailSetup.Patience);
        Assert.Equal(["eve@example.org"], mails[1].RcptTos);

        using var client = app.NewClient();
        var link = MailSetup.Link(confirmation, "Confirm within seven days:");
        using var page = await client.GetAsync(link);
        Assert.Contains("every new comment on this page", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var confirmed = await client.PostAsync(link, null);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal(Subscription.Thread, (await app.Store.GetCommentAsync(top))!.Notification);

        await app.PostCommentAsync("/o", "Heard", "Carol", "carol@example.org", notify: false);
        mails = await smtp.WaitForMailsAsync(3, MailSetup.Patience);
        Assert.Equal([Alice], mails[2].RcptTos);
        Assert.Equal("New comment posted on A page", mails[2].Header("Subject"));
    }

    [Fact]
    public async Task ConfigTellsTheClientAndEachLevelIsKept()
    {
        await using var smtp = await SmtpServer.StartAsync();
        await using var app = await StartAsync(smtp);
        using var config = await app.GetAsync("/config");
        Assert.Contains("\"thread-notifications\":true", await config.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var thread = await app.PostCommentAsync("/l", "All of it", "Ann", "ann@example.org", wholeThread: true);
        var replies = await app.PostCommentAsync("/l", "Replies", "Bea", "bea@example.org");
        var none = await app.PostCommentAsync("/l", "Nothing", "Cy", "cy@example.org", notify: false);

        Assert.Equal(Subscription.Thread, (await app.Store.GetCommentAsync(thread))!.Notification);
        Assert.Equal(Subscription.Replies, (await app.Store.GetCommentAsync(replies))!.Notification);
        Assert.Equal(Subscription.None, (await app.Store.GetCommentAsync(none))!.Notification);
    }
}
