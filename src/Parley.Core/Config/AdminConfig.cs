namespace Parley.Core.Config;

/// <summary><c>[admin]</c>.</summary>
public sealed record AdminConfig
{
    public const string SamplePassword = "please_choose_a_strong_password";

    /// <summary><c>enabled</c>: serve the admin panel.</summary>
    public bool Enabled { get; init; }
    /// <summary><c>password</c>: the admin password.</summary>
    public string Password { get; init; } = SamplePassword;
}
