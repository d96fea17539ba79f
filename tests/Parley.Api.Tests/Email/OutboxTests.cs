using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Parley.Api.Tests.Support;

namespace Parley.Api.Tests.Email;

public sealed class OutboxTests
{
    [Fact]
    public async Task CommentsPostedWhileSmtpIsDownAreMailedExactlyOnceWhenItIsBack()
    {
        await using var smtp = await SmtpServer.StartAsync();
        await smtp.StopAsync();
        await using var app = await MailSetup.StartAppAsync(smtp);
        for (var i = 0; i < 5; i++)
        {
            var watch = Stopwatch.StartNew();
            await app.PostCommentAsync("/down", $"Comment {i}", $"Reader {i}");
            // The SMTP time limit is 20 s: a post that waited on mail would take at least that long.
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"posting took {watch.Elapsed}");
        }
        await Task.Delay(1500); // several failed rounds of the back-off
        Assert.Empty(smtp.Mails);

        await smtp.StartAsync();
        var mails = await smtp.WaitForMailsAsync(5, MailSetup.Patience);
        await Task.Delay(2000);
        Assert.Equal(5, smtp.Mails.Count);
        Assert.Equal(5, mails.Select(m => m.Header("Message-ID")).Distinct().Count());
        Assert.Equal(Enumerable.Range(0, 5).Select(i => $"Reader {i} wrote:"), smtp.Mails.Select(m => m.Body.Split('\n')[0].TrimEnd('\r')).Order());
        Assert.Null(await app.Store.Outbox.NextDueAsync());
    }

    [Fact]
    public async Task QueuedMailSurvivesARestartOfTheServer()
    {
        await using var smtp = await SmtpServer.StartAsync();
        await smtp.StopAsync();
        var saved = Path.Combine(Path.GetTempPath(), $"parley-outbox-{Guid.NewGuid():n}.db");
        try
        {
            await using (var first = await MailSetup.StartAppAsync(smtp))
            {
                await first.PostCommentAsync("/restart", "Written while mail was down", "Alice");
                // The mail is made from the comment's event just after the answer; wait until it waits in the outbox.
                using (var patience = new CancellationTokenSource(MailSetup.Patience))
                {
                    while (await first.Store.Outbox.NextDueAsync() is null)
                    {
                        await Task.Delay(20, patience.Token);
                    }
                }
                using var source = new SqliteConnection($"Data Source={first.DbPath}");
                using var copy = new SqliteConnection($"Data Source={saved}");
                source.Open();
                // The mail worker retrying the delivery may hold the write lock for a moment: wait it out.
                for (var attempt = 1; ; attempt++)
                {
                    try
                    {
                        source.BackupDatabase(copy);
                        break;
                    }
                    catch (SqliteException e) when (e.SqliteErrorCode is 5 or 6 && attempt < 100)
                    {
                        await Task.Delay(50);
                    }
                }
            }
            await smtp.StartAsync();
            await using var second = await MailSetup.StartAppAsync(smtp, prepare: path => File.Copy(saved, path));
            var mail = Assert.Single(await smtp.WaitForMailsAsync(1, MailSetup.Patience));
            Assert.Contains("Written while mail was down", mail.Body, StringComparison.Ordinal);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(saved);
        }
    }

    [Fact]
    public async Task TemporaryRefusalsAreRetriedUntilTheMailIsTaken()
    {
        await using var smtp = await SmtpServer.StartAsync(new SmtpServerOptions { TempFail = 2 });
        await using var app = await MailSetup.StartAppAsync(smtp);
        await app.PostCommentAsync("/busy", "Hello", "Alice");
        var mail = Assert.Single(await smtp.WaitForMailsAsync(1, MailSetup.Patience));
        Assert.Contains("Alice wrote:", mail.Body, StringComparison.Ordinal);
        await Task.Delay(1000);
        Assert.Single(smtp.Mails);
    }

    [Fact]
    public async Task ARecipientTheServerRefusesDoesNotHoldUpTheOthers()
    {
        await using var smtp = await SmtpServer.StartAsync(new SmtpServerOptions { RejectRecipient = "alice@example.org" });
        await using var app = await MailSetup.StartAppAsync(smtp, c => c with
        {
            General = c.General with { Notify = ["stdout"], ReplyNotifications = true },
        });
        var top = await app.PostCommentAsync("/refused", "Top", "Alice", "alice@example.org");
        await app.PostCommentAsync("/refused", "Reply", "Bob", "bob@example.org", parent: top);
        await app.PostCommentAsync("/refused", "Reply 2", "Carol", parent: top);
        var mail = Assert.Single(await smtp.WaitForMailsAsync(1, MailSetup.Patience));
        Assert.Equal(["bob@example.org"], mail.RcptTos);
    }
}
