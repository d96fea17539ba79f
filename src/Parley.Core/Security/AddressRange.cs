using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Parley.Core.Security;

/// <summary>
/// One entry of <c>[server] trusted-proxies</c>: an exact address (<c>10.0.0.1</c>, <c>::1</c>) or a CIDR range
/// (<c>172.16.0.0/12</c>, <c>fd00::/8</c>). IPv4-mapped IPv6 addresses (<c>::ffff:10.0.0.1</c>), which a dual-stack
/// listener reports for IPv4 peers, count as the IPv4 address they carry, both in entries and in peers.
/// </summary>
public readonly record struct AddressRange
{
    private readonly IPNetwork _network;

    private AddressRange(IPNetwork network) => _network = network;

    public bool Contains(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return _network.Contains(Normal(address));
    }

    /// <summary>Parses one entry; on failure <paramref name="problem"/> says what is wrong, for a message naming the entry.</summary>
    public static bool TryParse(string text, out AddressRange range, out string problem)
    {
        ArgumentNullException.ThrowIfNull(text);
        range = default;
        var entry = text.Trim();
        var slash = entry.IndexOf('/', StringComparison.Ordinal);
        var addressText = slash < 0 ? entry : entry[..slash];
        if (!TryAddress(addressText, out var address))
        {
            problem = $"\"{entry}\" is not an IP address or CIDR range (like 10.0.0.1, 172.16.0.0/12 or fd00::/8)";
            return false;
        }
        var bits = address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128;
        var prefix = bits;
        if (slash >= 0 && !(int.TryParse(entry[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out prefix) && prefix <= bits))
        {
            problem = $"\"{entry}\" has no valid prefix length (0 to {bits} after the /)";
            return false;
        }
        // ::ffff:10.0.0.0/104 is the IPv4 range 10.0.0.0/8, which is how peers are compared.
        if (address.IsIPv4MappedToIPv6 && prefix >= 96)
        {
            (address, prefix) = (address.MapToIPv4(), prefix - 96);
        }
        var start = Masked(address, prefix);
        if (!start.Equals(address))
        {
            problem = $"\"{entry}\" has address bits set after the /{prefix}; the range starting there is {start}/{prefix}";
            return false;
        }
        range = new AddressRange(new IPNetwork(start, prefix));
        problem = "";
        return true;
    }

    public override string ToString() => _network.ToString();

    private static IPAddress Normal(IPAddress ip) => ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip;

    // IPv4 only as four decimal parts: IPAddress.TryParse would also take "10" or octal "010.0.0.1".
    private static bool TryAddress(string text, out IPAddress address)
    {
        address = IPAddress.None;
        if (text.Contains(':', StringComparison.Ordinal))
        {
            if (!IPAddress.TryParse(text, out var v6) || v6.AddressFamily != AddressFamily.InterNetworkV6 || text.Contains('%', StringComparison.Ordinal))
            {
                return false;
            }
            address = v6;
            return true;
        }
        var parts = text.Split('.');
        var bytes = new byte[4];
        if (parts.Length != 4)
        {
            return false;
        }
        for (var i = 0; i < 4; i++)
        {
            if (parts[i].Length is 0 or > 3 || (parts[i].Length > 1 && parts[i][0] == '0')
                || !byte.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out bytes[i]))
            {
                return false;
            }
        }
        address = new IPAddress(bytes);
        return true;
    }

    private static IPAddress Masked(IPAddress address, int prefix)
    {
        var bytes = address.GetAddressBytes();
        for (var i = 0; i < bytes.Length; i++)
        {
            var keep = Math.Clamp(prefix - (i * 8), 0, 8);
            bytes[i] &= (byte)(0xFF << (8 - keep));
        }
        return new IPAddress(bytes);
    }
}
