using Parley.Api.Tests.Support;

namespace Parley.Api.Tests.Email;

public sealed class OwnerMailTests
{
    [Fact]
    public async Task OwnerMailCarriesHeadersAndLinksAndItsActivateAndDeleteLinksWork()
    {
        await using var smtp = await SmtpServer.StartAsync();
        await using var app = await MailSetup.StartAppAsync(smtp, c => c with { Moderation = c.Moderation with { Enabled = true } });
        var id = await app.PostCommentAsync("/post/", "Parent *comment*", "Alice", "alice@example.org", website: "https://alice.example");

        var mail = Assert.Single(await smtp.WaitForMailsAsync(1, MailSetup.Patience));
        Assert.Equal("parley@example.org", mail.MailFrom);
        Assert.Equal(["owner@example.org"], mail.RcptTos);
        Assert.Equal("Parley <parley@example.org>", mail.Header("From"));
        Assert.Equal("owner@example.org", mail.Header("To"));
        Assert.Equal("New comment posted on A page", mail.Header("Subject"));
        Assert.Equal("1.0", mail.Header("MIME-Version"));
        Assert.StartsWith("text/plain; charset=\"utf-8\"", mail.Header("Content-Type"), StringComparison.Ordinal);
        Assert.NotEmpty(mail.Header("Date"));
        Assert.NotEmpty(mail.Header("Message-ID"));
        var endpoint = app.BaseAddress.ToString().TrimEnd('/');
        // The key is signed when the mail is made, which may fall in another second than this line: check it, then use it.
        var key = MailSetup.Link(mail, "Delete comment:").Split('/')[^1];
        Assert.Equal(id, app.Tokens().ModeratedId(key));
        var address = (await app.Store.GetCommentAsync(id))!.RemoteAddr;
        Assert.Matches(@"^\d+\.\d+\.\d+\.0$", address);
        Assert.Equal(
            $"""
            Alice <alice@example.org> wrote:

            Parent *comment*

            User's URL: https://alice.example
            IP address: {address}
            Link to comment: https://example.tld/post/#isso-{id}

            ---
            Delete comment: {endpoint}/id/{id}/delete/{key}
            Activate comment: {endpoint}/id/{id}/activate/{key}
            """.ReplaceLineEndings("\n"), mail.Body.ReplaceLineEndings("\n").TrimEnd('\n'));

        using var client = app.NewClient();
        using var activated = await client.PostAsync(MailSetup.Link(mail, "Activate comment:"), null);
        Assert.Equal("Comment has been activated", await activated.Content.ReadAsStringAsync());
        Assert.Equal(Core.Comments.CommentMode.Published, (await app.Store.GetCommentAsync(id))!.Mode);

        var second = await app.PostCommentAsync("/post/", "Spam", "Mallory");
        var secondMail = (await smtp.WaitForMailsAsync(2, MailSetup.Patience))[1];
        Assert.Equal("New comment posted on A page", secondMail.Header("Subject"));
        Assert.DoesNotContain("User's URL", secondMail.Body, StringComparison.Ordinal);
        using var deleted = await client.PostAsync(MailSetup.Link(secondMail, "Delete comment:"), null);
        Assert.Equal("Comment has been deleted", await deleted.Content.ReadAsStringAsync());
        Assert.Null(await app.Store.GetCommentAsync(second));
        Assert.NotNull(await app.Store.GetCommentAsync(id));
    }

    [Fact]
    public async Task PublishedCommentsMailTheOwnerWithoutAnActivateLink()
    {
        await using var smtp = await SmtpServer.StartAsync();
        await using var app = await MailSetup.StartAppAsync(smtp);
        await app.PostCommentAsync("/p", "Hej då, världen", "Åsa");
        var mail = Assert.Single(await smtp.WaitForMailsAsync(1, MailSetup.Patience));
        Assert.StartsWith("Åsa wrote:\n\nHej då, världen\n", mail.Body.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("Delete comment:", mail.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Activate comment:", mail.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutSmtpInNotifyTheOwnerGetsNoMail()
    {
        await using var smtp = await SmtpServer.StartAsync();
        await using var app = await MailSetup.StartAppAsync(smtp, c => c with
        {
            General = c.General with { Notify = ["stdout"], ReplyNotifications = true },
        });
        var top = await app.PostCommentAsync("/p", "Top", "Alice", "alice@example.org");
        // A reply mail to the subscribed author proves the worker ran; no owner mail may be among the mails.
        await app.PostCommentAsync("/p", "Reply", "Bob", parent: top);
        await smtp.WaitForMailsAsync(1, MailSetup.Patience);
        await Task.Delay(500);
        var reply = Assert.Single(smtp.Mails);
        Assert.Equal(["alice@example.org"], reply.RcptTos);
        Assert.StartsWith("Re: ", reply.Header("Subject"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALineBreakInTheTitleCannotAddAHeader()
    {
        await using var smtp = await SmtpServer.StartAsync();
        await using var app = await MailSetup.StartAppAsync(smtp);
        var body = System.Text.Json.JsonSerializer.Serialize(new { text = "Hello", title = "Evil\r\nBcc: victim@example.org" });
        using var response = await app.PostNewAsync("/evil", body);
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        var mail = Assert.Single(await smtp.WaitForMailsAsync(1, MailSetup.Patience));
        Assert.Equal("New comment posted on Evil Bcc: victim@example.org", mail.Header("Subject"));
        Assert.DoesNotContain(mail.Headers, h => h.Key.Equals("Bcc", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(["owner@example.org"], mail.RcptTos);
    }
}
