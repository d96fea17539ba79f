using System.Net;
using Parley.Api.Tests.Support;

namespace Parley.Api.Tests.Email;

public sealed class ReplyMailTests
{
    private static Task<TestApp> StartAsync(SmtpServer smtp, bool moderation = false) => MailSetup.StartAppAsync(smtp, c => c with
    {
        General = c.General with { Notify = ["stdout"], ReplyNotifications = true },
        Moderation = c.Moderation with { Enabled = moderation },
    });

    [Fact]
    public async Task ReplyReachesTheSubscriberNotTheReplierAndTheUnsubscribeLinkStopsFurtherMail()
    {
        await using var smtp = await SmtpServer.StartAsync();
        await using var app = await StartAsync(smtp);
        var top = await app.PostCommentAsync("/t", "Top", "Alice", "alice@example.org");
        await app.PostCommentAsync("/t", "First reply", "Bob", "bob@example.org", parent: top);

        var first = Assert.Single(await smtp.WaitForMailsAsync(1, MailSetup.Patience));
        Assert.Equal(["alice@example.org"], first.RcptTos);
        Assert.Equal("Re: New comment posted on A page", first.Header("Subject"));
        var endpoint = app.BaseAddress.ToString().TrimEnd('/');
        var unsubscribe = $"{endpoint}/id/{top}/unsubscribe/alice%40example.org/{app.Tokens().UnsubscribeKey("alice@example.org")}";
        Assert.Equal($"<{unsubscribe}>", first.Header("List-Unsubscribe"));
        Assert.Equal("List-Unsubscribe=One-Click", first.Header("List-Unsubscribe-Post"));
        Assert.StartsWith("Bob wrote:\n\nFirst reply\n\nLink to comment: https://example.tld/t#isso-2\n\n---\n", first.Body.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Equal(unsubscribe, MailSetup.Link(first, "Unsubscribe from this conversation:"));

        // Carol's reply goes to both subscribers, once each; Bob's own reply never went to Bob.
        await app.PostCommentAsync("/t", "Second reply", "Carol", "carol@example.org", parent: top);
        var mails = await smtp.WaitForMailsAsync(3, MailSetup.Patience);
        Assert.Equal(["alice@example.org", "bob@example.org"], mails.Skip(1).SelectMany(m => m.RcptTos).Order());
        Assert.Single(mails.To("bob@example.org"));

        using var client = app.NewClient();
        using var unsubscribed = await client.GetAsync(MailSetup.Link(first, "Unsubscribe from this conversation:"));
        Assert.Equal(HttpStatusCode.OK, unsubscribed.StatusCode);

        await app.PostCommentAsync("/t", "Third reply", "Dave", "dave@example.org", parent: top);
        mails = await smtp.WaitForMailsAsync(5, MailSetup.Patience);
        Assert.Equal(2, mails.To("alice@example.org").Count);
        Assert.Equal(["bob@example.org", "carol@example.org"], mails.Skip(3).SelectMany(m => m.RcptTos).Order());
    }

    [Fact]
    public async Task OneClickPostFromAMailClientUnsubscribes()
    {
        await using var smtp = await SmtpServer.StartAsync();
        await using var app = await StartAsync(smtp);
        var top = await app.PostCommentAsync("/t", "Top", "Alice", "alice@example.org");
        await app.PostCommentAsync("/t", "Reply", "Bob", parent: top);
        var mail = Assert.Single(await smtp.WaitForMailsAsync(1, MailSetup.Patience));
        using var client = app.NewClient();
        using var oneClick = await client.PostAsync(mail.Header("List-Unsubscribe").Trim('<', '>'),
            new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        Assert.Equal(HttpStatusCode.OK, oneClick.StatusCode);
        Assert.Equal(0, (await app.Store.GetCommentAsync(top))!.Notification);
    }

    [Fact]
    public async Task PendingReplyMailsSubscribersOnlyOnceActivated()
    {
        await using var smtp = await SmtpServer.StartAsync();
        await using var app = await StartAsync(smtp, moderation: true);
        var top = await app.PostCommentAsync("/m", "Top", "Alice", "alice@example.org");
        using var client = app.NewClient();
        (await client.PostAsync($"/id/{top}/activate/{app.Tokens().ModerationKey(top)}", null)).Dispose();
        var reply = await app.PostCommentAsync("/m", "Held reply", "Bob", parent: top);
        var marker = await app.PostCommentAsync("/m", "Another top", "Eve", "eve@example.org");
        (await client.PostAsync($"/id/{marker}/activate/{app.Tokens().ModerationKey(marker)}", null)).Dispose();
        await Task.Delay(500);
        Assert.Empty(smtp.Mails);

        using var activated = await client.PostAsync($"/id/{reply}/activate/{app.Tokens().ModerationKey(reply)}", null);
        Assert.Equal("Comment has been activated", await activated.Content.ReadAsStringAsync());
        var mail = Assert.Single(await smtp.WaitForMailsAsync(1, MailSetup.Patience));
        Assert.Equal(["alice@example.org"], mail.RcptTos);
        Assert.Contains("Held reply", mail.Body, StringComparison.Ordinal);
    }
}
