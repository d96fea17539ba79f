namespace Parley.Core.Email;

/// <summary>How the connection to the SMTP server is protected (<c>[smtp] security</c>).</summary>
public enum SmtpSecurity
{
    /// <summary>Plain text.</summary>
    None,

    /// <summary>Plain connection upgraded with STARTTLS; fails when the server does not offer it.</summary>
    StartTls,

    /// <summary>TLS from the first byte (SMTPS, usually port 465).</summary>
    Ssl,
}
