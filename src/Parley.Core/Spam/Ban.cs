namespace Parley.Core.Spam;

/// <summary>
/// An address range (as comments store it, anonymised) or an e-mail address whose comments are refused or held for
/// moderation, set from the admin panel.
/// </summary>
/// <param name="Id">The ban's number, for lifting it.</param>
/// <param name="Kind"><see cref="Address"/> or <see cref="Email"/>.</param>
/// <param name="Value">The address range or e-mail address, as comments store it.</param>
/// <param name="Action"><see cref="Refuse"/> or <see cref="Hold"/>.</param>
/// <param name="Created">When it was set (Unix seconds).</param>
public sealed record Ban(long Id, string Kind, string Value, string Action, double Created)
{
    public const string Address = "address";
    public const string Email = "email";
    public const string Refuse = "refuse";
    public const string Hold = "hold";

    /// <summary>The reason a held comment shows.</summary>
    public string Reason => Kind == Address ? $"banned address range {Value}" : $"banned e-mail {Value}";
}
