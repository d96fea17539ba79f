using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Parley.Core.Security;

/// <summary>
/// Reduces a client address before anything keeps it (spec/signing.md §4): IPv4 to its /24,
/// IPv6 to its /48 in the fully expanded form Isso stores.
/// </summary>
public static partial class AddressAnonymizer
{
    public const string Unknown = "0.0.0.0";

    public static string Anonymize(string? address)
    {
        if (string.IsNullOrWhiteSpace(address))
        {
            return Unknown;
        }
        var text = address.Trim();
        if (DottedQuad().IsMatch(text))
        {
            return IPAddress.TryParse(text, out var v4) && !HasLeadingZero(text) ? V4(v4) : Unknown;
        }
        if (!text.Contains(':', StringComparison.Ordinal) || !IPAddress.TryParse(text, out var ip) || ip.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return Unknown;
        }
        if (ip.IsIPv4MappedToIPv6)
        {
            return V4(ip.MapToIPv4());
        }
        var bytes = ip.GetAddressBytes();
        return string.Join(':', Enumerable.Range(0, 8).Select(i =>
            i < 3 ? ((bytes[2 * i] << 8) | bytes[(2 * i) + 1]).ToString("x4", CultureInfo.InvariantCulture) : "0000"));
    }

    public static string Anonymize(IPAddress? address) => address is null ? Unknown : Anonymize(address.ToString());

    private static string V4(IPAddress ip)
    {
        var b = ip.GetAddressBytes();
        return string.Create(CultureInfo.InvariantCulture, $"{b[0]}.{b[1]}.{b[2]}.0");
    }

    // Python's ipaddress rejects octets with leading zeros; IPAddress.TryParse would read them as octal.
    private static bool HasLeadingZero(string text) => text.Split('.').Any(p => p.Length > 1 && p[0] == '0') || text.Split('.').Any(p => int.Parse(p, CultureInfo.InvariantCulture) > 255);

    [GeneratedRegex(@"^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$")]
    private static partial Regex DottedQuad();
}
