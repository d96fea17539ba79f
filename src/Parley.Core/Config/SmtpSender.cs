namespace Parley.Core.Config;

/// <summary>Isso gives a sender without a display name its own (spec/config.md §1.1.4).</summary>
internal static class SmtpSender
{
    public const string DisplayName = "Ich schrei sonst!";

    public static string WithDisplayName(string from)
    {
        var value = from.Trim();
        var open = value.IndexOf('<', StringComparison.Ordinal);
        if (open > 0 && value[..open].Trim().Trim('"').Length > 0)
        {
            return from; // "Name <address>"
        }
        if (value.EndsWith(')') && value.IndexOf('(', StringComparison.Ordinal) > 0)
        {
            return from; // "address (Name)", the older form
        }
        var address = value.TrimStart('<').TrimEnd('>').Trim();
        return $"{DisplayName} <{address}>";
    }
}
