using Parley.Core.Security;

namespace Parley.Core.Tests.Security;

public sealed class VotersFilterTests
{
    [Fact]
    public void ProbesMatchTheSpecVectors()
    {
        Assert.Equal([142, 1559, 1687, 1944, 678, 139, 195, 413, 641, 1110, 1516], VotersFilter.ProbesOf("127.0.0.0"));
        Assert.Equal([192, 1790, 751, 1682, 2026, 1934, 834, 485, 868, 891, 1286], VotersFilter.ProbesOf("192.168.1.0"));
    }

    [Fact]
    public void BlobMatchesTheSpecVector()
    {
        var expected = new byte[256];
        expected[17] = 72; expected[24] = 8; expected[51] = 32; expected[80] = 2; expected[84] = 64;
        expected[138] = 64; expected[189] = 16; expected[194] = 128; expected[210] = 128; expected[243] = 1;
        Assert.Equal(expected, VotersFilter.Create("127.0.0.0"));
    }

    [Fact]
    public void MembersAreFoundAndOthersAreNot()
    {
        var filter = VotersFilter.With(VotersFilter.Create("127.0.0.0"), "203.0.113.0");
        Assert.True(VotersFilter.Contains(filter, "127.0.0.0"));
        Assert.True(VotersFilter.Contains(filter, "203.0.113.0"));
        Assert.False(VotersFilter.Contains(filter, "198.51.100.0"));
        Assert.False(VotersFilter.Contains([], "127.0.0.0"));
    }
}
