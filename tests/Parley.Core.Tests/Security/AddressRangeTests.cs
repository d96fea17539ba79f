using System.Net;
using Parley.Core.Security;

namespace Parley.Core.Tests.Security;

public sealed class AddressRangeTests
{
    private static AddressRange Range(string text)
    {
        Assert.True(AddressRange.TryParse(text, out var range, out var problem), problem);
        return range;
    }

    [Theory]
    // The first and last addresses of a range are in it; their neighbours outside are not.
    [InlineData("172.16.0.0/12", "172.16.0.0", true)]
    [InlineData("172.16.0.0/12", "172.31.255.255", true)]
    [InlineData("172.16.0.0/12", "172.15.255.255", false)]
    [InlineData("172.16.0.0/12", "172.32.0.0", false)]
    [InlineData("10.0.0.0/8", "10.200.3.4", true)]
    [InlineData("10.0.0.0/8", "11.0.0.0", false)]
    [InlineData("192.0.2.128/25", "192.0.2.128", true)]
    [InlineData("192.0.2.128/25", "192.0.2.127", false)]
    [InlineData("fd00::/8", "fd00::", true)]
    [InlineData("fd00::/8", "fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", true)]
    [InlineData("fd00::/8", "fc00::1", false)]
    [InlineData("fd00::/8", "fe00::", false)]
    [InlineData("2001:db8:1::/48", "2001:db8:1:ffff::7", true)]
    [InlineData("2001:db8:1::/48", "2001:db8:2::", false)]
    public void RangesHoldEveryAddressFromTheirFirstToTheirLast(string range, string address, bool inside) =>
        Assert.Equal(inside, Range(range).Contains(IPAddress.Parse(address)));

    [Theory]
    [InlineData("10.0.0.1", "10.0.0.1", true)]
    [InlineData("10.0.0.1", "10.0.0.2", false)]
    [InlineData("10.0.0.1/32", "10.0.0.1", true)]
    [InlineData("10.0.0.1/32", "10.0.0.0", false)]
    [InlineData("2001:db8::5", "2001:db8::5", true)]
    [InlineData("2001:db8::5", "2001:db8::4", false)]
    [InlineData("2001:db8::5/128", "2001:db8::5", true)]
    [InlineData("2001:db8::5/128", "2001:db8::6", false)]
    public void AnExactAddressOrAFullLengthPrefixHoldsOnlyThatAddress(string range, string address, bool inside) =>
        Assert.Equal(inside, Range(range).Contains(IPAddress.Parse(address)));

    [Theory]
    [InlineData("0.0.0.0/0", "0.0.0.0", true)]
    [InlineData("0.0.0.0/0", "255.255.255.255", true)]
    [InlineData("0.0.0.0/0", "2001:db8::1", false)]
    [InlineData("::/0", "::", true)]
    [InlineData("::/0", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", true)]
    [InlineData("::/0", "203.0.113.9", false)]
    public void AZeroPrefixHoldsEveryAddressOfItsFamilyOnly(string range, string address, bool inside) =>
        Assert.Equal(inside, Range(range).Contains(IPAddress.Parse(address)));

    [Theory]
    // A dual-stack listener reports IPv4 peers as ::ffff:a.b.c.d; they are matched as the IPv4 address.
    [InlineData("172.16.0.0/12", "::ffff:172.17.0.2", true)]
    [InlineData("172.16.0.0/12", "::ffff:172.32.0.2", false)]
    [InlineData("10.0.0.1", "::ffff:10.0.0.1", true)]
    [InlineData("0.0.0.0/0", "::ffff:198.51.100.7", true)]
    [InlineData("::/0", "::ffff:198.51.100.7", false)]
    // An entry written in the mapped form means the IPv4 address or range it carries.
    [InlineData("::ffff:10.0.0.1", "10.0.0.1", true)]
    [InlineData("::ffff:10.0.0.1", "::ffff:10.0.0.1", true)]
    [InlineData("::ffff:10.0.0.0/104", "10.9.8.7", true)]
    [InlineData("::ffff:10.0.0.0/104", "11.0.0.1", false)]
    [InlineData("::ffff:0:0/96", "203.0.113.9", true)]
    public void MappedAddressesMatchAsTheIpv4AddressTheyCarry(string range, string address, bool inside) =>
        Assert.Equal(inside, Range(range).Contains(IPAddress.Parse(address)));

    [Theory]
    [InlineData(" 172.16.0.0/12 ", "172.16.0.0/12")]
    [InlineData("fd00::/8", "fd00::/8")]
    [InlineData("10.0.0.1", "10.0.0.1/32")]
    [InlineData("::1", "::1/128")]
    [InlineData("::ffff:10.0.0.0/104", "10.0.0.0/8")]
    public void EntriesAreReadAsTheRangeTheyName(string text, string range) =>
        Assert.Equal(range, Range(text).ToString());

    [Theory]
    [InlineData("caddy", "\"caddy\" is not an IP address or CIDR range (like 10.0.0.1, 172.16.0.0/12 or fd00::/8)")]
    [InlineData("10", "\"10\" is not an IP address or CIDR range (like 10.0.0.1, 172.16.0.0/12 or fd00::/8)")]
    [InlineData("010.0.0.1", "\"010.0.0.1\" is not an IP address or CIDR range (like 10.0.0.1, 172.16.0.0/12 or fd00::/8)")]
    [InlineData("256.0.0.0/8", "\"256.0.0.0/8\" is not an IP address or CIDR range (like 10.0.0.1, 172.16.0.0/12 or fd00::/8)")]
    [InlineData("fe80::1%eth0", "\"fe80::1%eth0\" is not an IP address or CIDR range (like 10.0.0.1, 172.16.0.0/12 or fd00::/8)")]
    [InlineData("10.0.0.0/33", "\"10.0.0.0/33\" has no valid prefix length (0 to 32 after the /)")]
    [InlineData("fd00::/129", "\"fd00::/129\" has no valid prefix length (0 to 128 after the /)")]
    [InlineData("10.0.0.0/", "\"10.0.0.0/\" has no valid prefix length (0 to 32 after the /)")]
    [InlineData("10.0.0.0/-1", "\"10.0.0.0/-1\" has no valid prefix length (0 to 32 after the /)")]
    [InlineData("10.0.0.0/8/8", "\"10.0.0.0/8/8\" has no valid prefix length (0 to 32 after the /)")]
    [InlineData("172.17.0.1/12", "\"172.17.0.1/12\" has address bits set after the /12; the range starting there is 172.16.0.0/12")]
    [InlineData("fd12::1/8", "\"fd12::1/8\" has address bits set after the /8; the range starting there is fd00::/8")]
    public void AnEntryThatIsNoAddressOrRangeIsRefusedWithTheReason(string text, string problem)
    {
        Assert.False(AddressRange.TryParse(text, out _, out var reason));
        Assert.Equal(problem, reason);
    }
}
