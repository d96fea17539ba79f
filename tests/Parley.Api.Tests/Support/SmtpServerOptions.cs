namespace Parley.Api.Tests.Support;

/// <summary>How the test SMTP server behaves (the options of tests/smtp/capture_server.py).</summary>
public sealed record SmtpServerOptions
{
    /// <summary>Offer STARTTLS and require it before MAIL.</summary>
    public bool StartTls { get; init; }

    /// <summary>TLS from the first byte.</summary>
    public bool Smtps { get; init; }

    /// <summary><c>user:password</c>: AUTH PLAIN and LOGIN required.</summary>
    public string? Auth { get; init; }

    /// <summary>This recipient gets 550.</summary>
    public string? RejectRecipient { get; init; }

    /// <summary>The first N DATA commands get 451.</summary>
    public int TempFail { get; init; }

    /// <summary>Once N messages are stored, the connection carrying the next one is cut after its DATA, before it is stored.</summary>
    public int? DropAfter { get; init; }
}
