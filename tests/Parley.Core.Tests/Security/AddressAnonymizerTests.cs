using Parley.Core.Security;

namespace Parley.Core.Tests.Security;

public sealed class AddressAnonymizerTests
{
    [Theory]
    [InlineData("12.34.56.78", "12.34.56.0")]
    [InlineData("192.168.1.200", "192.168.1.0")]
    [InlineData("1234:5678:90ab:cdef:fedc:ba09:8765:4321", "1234:5678:90ab:0000:0000:0000:0000:0000")]
    [InlineData("2001:db8::1", "2001:0db8:0000:0000:0000:0000:0000:0000")]
    [InlineData("::ffff:127.0.0.1", "127.0.0.0")]
    [InlineData("::1", "0000:0000:0000:0000:0000:0000:0000:0000")]
    [InlineData("", "0.0.0.0")]
    [InlineData("garbage", "0.0.0.0")]
    [InlineData("1", "0.0.0.0")]
    [InlineData("256.1.1.1", "0.0.0.0")]
    [InlineData("01.2.3.4", "0.0.0.0")]
    [InlineData("unix:/run/x.sock", "0.0.0.0")]
    public void AddressesAreReducedAsIssoDoes(string input, string expected) =>
        Assert.Equal(expected, AddressAnonymizer.Anonymize(input));
}
