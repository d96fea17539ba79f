using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Parley.Api.Tests.Support;
using Parley.Core.Email;

namespace Parley.Api.Tests.Email;

public sealed class SmtpClientTests
{
    private static readonly TimeSpan MailWait = TimeSpan.FromSeconds(10);
    private static readonly DateTimeOffset Date = new(2026, 11, 21, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task PlainDeliveryArrivesWithEnvelopeHeadersAndBodyIntact()
    {
        await using var server = await SmtpServer.StartAsync();
        var message = new MailMessage("Parley <parley@example.org>", "admin@example.org", "Neuer Kommentar", "Grüße\n.a line starting with a dot\n..two\nend")
        {
            Headers = [KeyValuePair.Create("List-Unsubscribe", "<https://example.org/u/1>")],
        };

        await Client(server).SendAsync("parley@example.org", ["admin@example.org"], MimeWriter.Write(message, Date, "1@example.org"), default);

        var mail = Assert.Single(await server.WaitForMailsAsync(1, MailWait));
        Assert.Equal("parley@example.org", mail.MailFrom);
        Assert.Equal(["admin@example.org"], mail.RcptTos);
        Assert.Null(mail.AuthUser);
        Assert.Equal("Parley <parley@example.org>", mail.Header("From"));
        Assert.Equal("Neuer Kommentar", mail.Header("Subject"));
        Assert.Equal("<1@example.org>", mail.Header("Message-ID"));
        Assert.Equal("<https://example.org/u/1>", mail.Header("List-Unsubscribe"));
        Assert.Equal("Grüße\r\n.a line starting with a dot\r\n..two\r\nend", mail.Body);
    }

    [Fact]
    public async Task DotStuffedLinesArriveUnstuffed()
    {
        await using var server = await SmtpServer.StartAsync();
        var raw = "Subject: dots\r\n\r\n.\r\n..\r\n.x\r\nlast"u8.ToArray();

        await Client(server).SendAsync("a@example.org", ["b@example.org"], raw, default);

        var mail = Assert.Single(await server.WaitForMailsAsync(1, MailWait));
        Assert.Equal("Subject: dots\r\n\r\n.\r\n..\r\n.x\r\nlast\r\n", Encoding.UTF8.GetString(mail.Raw));
    }

    [Fact]
    public async Task EveryRecipientIsInTheEnvelope()
    {
        await using var server = await SmtpServer.StartAsync();

        await Client(server).SendAsync("a@example.org", ["b@example.org", "c@example.org", "d@example.org"], Sample(), default);

        var mail = Assert.Single(await server.WaitForMailsAsync(1, MailWait));
        Assert.Equal(["b@example.org", "c@example.org", "d@example.org"], mail.RcptTos);
    }

    [Fact]
    public async Task StartTlsWithLoginDelivers()
    {
        await using var server = await SmtpServer.StartAsync(new SmtpServerOptions { StartTls = true, Auth = "parley:s3cret" });
        var client = Client(server, SmtpSecurity.StartTls, "parley", "s3cret");

        await client.SendAsync("a@example.org", ["b@example.org"], Sample(), default);

        var mail = Assert.Single(await server.WaitForMailsAsync(1, MailWait));
        Assert.Equal("parley", mail.AuthUser);
        Assert.Equal("Hello", mail.Body);
    }

    [Fact]
    public async Task ImplicitTlsWithLoginDelivers()
    {
        await using var server = await SmtpServer.StartAsync(new SmtpServerOptions { Smtps = true, Auth = "parley:s3cret" });
        var client = Client(server, SmtpSecurity.Ssl, "parley", "s3cret");

        await client.SendAsync("a@example.org", ["b@example.org"], Sample(), default);

        var mail = Assert.Single(await server.WaitForMailsAsync(1, MailWait));
        Assert.Equal("parley", mail.AuthUser);
    }

    [Fact]
    public async Task WrongPasswordIsAPermanent535WithoutThePassword()
    {
        await using var server = await SmtpServer.StartAsync(new SmtpServerOptions { StartTls = true, Auth = "parley:s3cret" });
        var client = Client(server, SmtpSecurity.StartTls, "parley", "wrong-pass");

        var e = await Assert.ThrowsAsync<SmtpException>(() => client.SendAsync("a@example.org", ["b@example.org"], Sample(), default));

        Assert.Equal(535, e.Code);
        Assert.True(e.IsPermanent);
        Assert.StartsWith("authentication failed: 535", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-pass", e.ToString(), StringComparison.Ordinal);
        Assert.Empty(server.Mails);
    }

    [Fact]
    public async Task RejectedRecipientIsAPermanent550()
    {
        await using var server = await SmtpServer.StartAsync(new SmtpServerOptions { RejectRecipient = "gone@example.org" });

        var e = await Assert.ThrowsAsync<SmtpException>(
            () => Client(server).SendAsync("a@example.org", ["b@example.org", "gone@example.org"], Sample(), default));

        Assert.Equal(550, e.Code);
        Assert.True(e.IsPermanent);
        Assert.StartsWith("RCPT TO rejected: 550", e.Message, StringComparison.Ordinal);
        Assert.Empty(server.Mails);
    }

    [Fact]
    public async Task TemporaryFailureIsA451ThatMayPass()
    {
        await using var server = await SmtpServer.StartAsync(new SmtpServerOptions { TempFail = 1 });
        var client = Client(server);

        var e = await Assert.ThrowsAsync<SmtpException>(() => client.SendAsync("a@example.org", ["b@example.org"], Sample(), default));
        Assert.Equal(451, e.Code);
        Assert.False(e.IsPermanent);

        await client.SendAsync("a@example.org", ["b@example.org"], Sample(), default);
        Assert.Single(await server.WaitForMailsAsync(1, MailWait));
    }

    [Fact]
    public async Task StartTlsAskedButNotOfferedFailsAndDeliversNothing()
    {
        await using var server = await SmtpServer.StartAsync(new SmtpServerOptions { Auth = "parley:s3cret" });
        var client = Client(server, SmtpSecurity.StartTls, "parley", "s3cret");

        var e = await Assert.ThrowsAsync<SmtpException>(() => client.SendAsync("a@example.org", ["b@example.org"], Sample(), default));

        Assert.Contains("does not offer STARTTLS", e.Message, StringComparison.Ordinal);
        Assert.Null(e.Code);
        await Task.Delay(200);
        Assert.Empty(server.Mails);
    }

    [Fact]
    public async Task UntrustedCertificateFails()
    {
        await using var server = await SmtpServer.StartAsync(new SmtpServerOptions { StartTls = true });
        var client = new SmtpClient(Options(server, SmtpSecurity.StartTls) with { CertificateValidation = null });

        var e = await Assert.ThrowsAsync<SmtpException>(() => client.SendAsync("a@example.org", ["b@example.org"], Sample(), default));

        Assert.StartsWith("TLS handshake", e.Message, StringComparison.Ordinal);
        Assert.False(e.IsPermanent);
        Assert.Empty(server.Mails);
    }

    [Fact]
    public async Task RefusedConnectionMayPass()
    {
        await using var server = await SmtpServer.StartAsync();
        await server.StopAsync();

        var e = await Assert.ThrowsAsync<SmtpException>(() => Client(server).SendAsync("a@example.org", ["b@example.org"], Sample(), default));

        Assert.StartsWith($"connection to 127.0.0.1:{server.Port} failed", e.Message, StringComparison.Ordinal);
        Assert.Null(e.Code);
        Assert.False(e.IsPermanent);
    }

    [Fact]
    public async Task SilentServerFailsAfterTheTimeout()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var accepting = listener.AcceptTcpClientAsync();
        var client = new SmtpClient(new SmtpOptions { Host = "127.0.0.1", Port = port, Security = SmtpSecurity.None, Timeout = TimeSpan.FromSeconds(1) });
        var watch = Stopwatch.StartNew();

        var e = await Assert.ThrowsAsync<SmtpException>(() => client.SendAsync("a@example.org", ["b@example.org"], Sample(), default));

        Assert.InRange(watch.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(10));
        Assert.Contains("no answer within 1 s", e.Message, StringComparison.Ordinal);
        Assert.False(e.IsPermanent);
        using var accepted = await accepting;
    }

    [Fact]
    public async Task ProbeSucceedsAgainstAWorkingServerAndSendsNothing()
    {
        await using var server = await SmtpServer.StartAsync(new SmtpServerOptions { StartTls = true, Auth = "parley:s3cret" });

        await Client(server, SmtpSecurity.StartTls, "parley", "s3cret").ProbeAsync(default);

        Assert.Empty(server.Mails);
    }

    [Fact]
    public async Task ProbeFailsOnWrongCredentials()
    {
        await using var server = await SmtpServer.StartAsync(new SmtpServerOptions { StartTls = true, Auth = "parley:s3cret" });

        var e = await Assert.ThrowsAsync<SmtpException>(() => Client(server, SmtpSecurity.StartTls, "parley", "nope").ProbeAsync(default));

        Assert.Equal(535, e.Code);
    }

    [Fact]
    public async Task DeliveryWorksAgainAfterTheServerComesBack()
    {
        await using var server = await SmtpServer.StartAsync();
        var client = Client(server);
        await client.SendAsync("a@example.org", ["b@example.org"], Sample(), default);
        await server.StopAsync();

        var down = await Assert.ThrowsAsync<SmtpException>(() => client.SendAsync("a@example.org", ["b@example.org"], Sample(), default));
        Assert.False(down.IsPermanent);

        await server.StartAsync();
        await client.SendAsync("a@example.org", ["c@example.org"], Sample(), default);
        var mails = await server.WaitForMailsAsync(2, MailWait);
        Assert.Equal(["c@example.org"], mails[1].RcptTos);
    }

    private static SmtpOptions Options(SmtpServer server, SmtpSecurity security = SmtpSecurity.None, string username = "", string password = "") => new()
    {
        Host = "127.0.0.1",
        Port = server.Port,
        Security = security,
        Username = username,
        Password = password,
        Timeout = TimeSpan.FromSeconds(10),
        CertificateValidation = TestCertificate.Shared.Validation,
    };

    private static SmtpClient Client(SmtpServer server, SmtpSecurity security = SmtpSecurity.None, string username = "", string password = "") =>
        new(Options(server, security, username, password));

    private static byte[] Sample() =>
        MimeWriter.Write(new MailMessage("a@example.org", "b@example.org", "Test", "Hello"), Date, "sample@example.org");
}
