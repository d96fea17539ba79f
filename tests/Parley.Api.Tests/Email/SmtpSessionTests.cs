using Parley.Api.Tests.Support;
using Parley.Core.Email;

namespace Parley.Api.Tests.Email;

public sealed class SmtpSessionTests
{
    private static readonly TimeSpan MailWait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task SeveralMessagesTravelOverOneConnection()
    {
        await using var server = await SmtpServer.StartAsync();

        await using (var session = await Client(server).OpenSessionAsync(default))
        {
            for (var i = 1; i <= 3; i++)
            {
                await session.SendAsync("a@example.org", [$"r{i}@example.org"], Message(i), default);
            }
        }

        var mails = await server.WaitForMailsAsync(3, MailWait);
        Assert.Equal(["r1@example.org", "r2@example.org", "r3@example.org"], mails.Select(m => m.RcptTos.Single()));
        Assert.Equal(1, server.Connections);
    }

    [Fact]
    public async Task ARefusedRecipientLeavesTheSessionOpenForTheNextMessage()
    {
        await using var server = await SmtpServer.StartAsync(new SmtpServerOptions { RejectRecipient = "gone@example.org" });
        await using var session = await Client(server).OpenSessionAsync(default);

        await session.SendAsync("a@example.org", ["r1@example.org"], Message(1), default);
        var refused = await Assert.ThrowsAsync<SmtpException>(() => session.SendAsync("a@example.org", ["gone@example.org"], Message(2), default));
        await session.SendAsync("a@example.org", ["r3@example.org"], Message(3), default);

        Assert.Equal(550, refused.Code);
        Assert.True(session.IsOpen);
        var mails = await server.WaitForMailsAsync(2, MailWait);
        Assert.Equal(["r1@example.org", "r3@example.org"], mails.Select(m => m.RcptTos.Single()));
        Assert.Equal(1, server.Connections);
    }

    [Fact]
    public async Task ALineCutMidMessageClosesTheSessionWithAFailureThatMayPass()
    {
        await using var server = await SmtpServer.StartAsync(new SmtpServerOptions { DropAfter = 1 });
        await using var session = await Client(server).OpenSessionAsync(default);
        await session.SendAsync("a@example.org", ["r1@example.org"], Message(1), default);

        var cut = await Assert.ThrowsAsync<SmtpException>(() => session.SendAsync("a@example.org", ["r2@example.org"], Message(2), default));

        Assert.False(cut.IsPermanent);
        Assert.False(session.IsOpen);
        await Assert.ThrowsAsync<InvalidOperationException>(() => session.SendAsync("a@example.org", ["r3@example.org"], Message(3), default));
        // The cut message was never stored: the one mail there is the first.
        Assert.Equal(["r1@example.org"], server.Mails.Select(m => m.RcptTos.Single()));
    }

    private static SmtpClient Client(SmtpServer server) => new(new SmtpOptions
    {
        Host = "127.0.0.1", Port = server.Port, Security = SmtpSecurity.None, Timeout = TimeSpan.FromSeconds(10),
    });

    private static byte[] Message(int number) =>
        MimeWriter.Write(new MailMessage("a@example.org", $"r{number}@example.org", $"Message {number}", "Hello"),
            new DateTimeOffset(2026, 11, 21, 10, 0, 0, TimeSpan.Zero), $"{number}@example.org");
}
