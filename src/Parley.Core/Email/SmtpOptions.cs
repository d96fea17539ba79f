using System.Net.Security;
using Parley.Core.Config;

namespace Parley.Core.Email;

/// <summary>Where and how <see cref="SmtpClient"/> delivers.</summary>
public sealed record SmtpOptions
{
    public string Host { get; init; } = "localhost";
    public int Port { get; init; } = 587;
    public SmtpSecurity Security { get; init; } = SmtpSecurity.StartTls;

    /// <summary>AUTH is used only when both <see cref="Username"/> and <see cref="Password"/> are set.</summary>
    public string Username { get; init; } = "";
    public string Password { get; init; } = "";

    /// <summary>Limit for each step: connecting, the TLS handshake, every command and its reply.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The name sent with EHLO/HELO.</summary>
    public string ClientName { get; init; } = "localhost";

    /// <summary>Replaces the system's certificate validation when set (tests pin their own certificate).</summary>
    public RemoteCertificateValidationCallback? CertificateValidation { get; init; }

    /// <summary>The options <c>[smtp]</c> describes; the config reader has already checked <c>security</c>.</summary>
    public static SmtpOptions From(SmtpConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return new SmtpOptions
        {
            Host = config.Host,
            Port = config.Port,
            Security = config.Security.Trim().ToUpperInvariant() switch
            {
                "NONE" => SmtpSecurity.None,
                "SSL" => SmtpSecurity.Ssl,
                "STARTTLS" => SmtpSecurity.StartTls,
                _ => throw new ArgumentException($"[smtp] security must be none, starttls or ssl, not '{config.Security}'.", nameof(config)),
            },
            Username = config.Username,
            Password = config.Password,
            Timeout = TimeSpan.FromSeconds(config.Timeout),
        };
    }

    // The password stays out of logs that print the record.
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append($"Host = {Host}, Port = {Port}, Security = {Security}, Username = {Username}, Timeout = {Timeout}, ClientName = {ClientName}");
        return true;
    }
}
