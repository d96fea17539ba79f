namespace Parley.Core.Config;

/// <summary><c>[smtp]</c>.</summary>
public sealed record SmtpConfig
{
    public string Username { get; init; } = "";
    public string Password { get; init; } = "";
    public string Host { get; init; } = "localhost";
    public int Port { get; init; } = 587;
    /// <summary><c>security</c>: <c>none</c>, <c>starttls</c> or <c>ssl</c>.</summary>
    public string Security { get; init; } = "starttls";
    public string To { get; init; } = "";
    /// <summary><c>from</c>, with the display name Isso adds when none is given.</summary>
    public string From { get; init; } = "Ich schrei sonst! <>";
    /// <summary><c>timeout</c> in seconds.</summary>
    public int Timeout { get; init; } = 10;
}
