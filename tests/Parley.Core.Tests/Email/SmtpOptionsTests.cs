using Parley.Core.Config;
using Parley.Core.Email;

namespace Parley.Core.Tests.Email;

public sealed class SmtpOptionsTests
{
    [Theory]
    [InlineData("none", SmtpSecurity.None)]
    [InlineData("starttls", SmtpSecurity.StartTls)]
    [InlineData("ssl", SmtpSecurity.Ssl)]
    public void SmtpSectionMapsToOptions(string security, SmtpSecurity expected)
    {
        var config = new SmtpConfig { Host = "mail.example.org", Port = 465, Security = security, Username = "u", Password = "p", Timeout = 7 };

        var options = SmtpOptions.From(config);

        Assert.Equal(("mail.example.org", 465, expected, "u", "p", TimeSpan.FromSeconds(7)),
            (options.Host, options.Port, options.Security, options.Username, options.Password, options.Timeout));
        Assert.Equal("localhost", options.ClientName);
        Assert.Null(options.CertificateValidation);
    }

    [Fact]
    public void PrintedOptionsLeaveThePasswordOut() =>
        Assert.DoesNotContain("hunter2", new SmtpOptions { Username = "u", Password = "hunter2" }.ToString(), StringComparison.Ordinal);
}
