using Parley.Core.Security;
using Parley.Core.Tests.Support;

namespace Parley.Core.Tests.Security;

public sealed class TokenSignerTests
{
    private const string Secret = "4f1c2e3d4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a6978";
    private const long SignedAt = 1700000000;

    public static TheoryData<string, string> Vectors => new()
    {
        { "1", "MQ.ZVPxAA.dismnKwmHObkW15tqOvLATppaSo" },
        { "23", "MjM.ZVPxAA.ayPhoRSgr-G2lxH2O50C4_lugHc" },
        { "[23,\"f7ff9e8b7bb2e09b70935a5d785e0cc5d9d0abf0\"]", "WzIzLCJmN2ZmOWU4YjdiYjJlMDliNzA5MzVhNWQ3ODVlMGNjNWQ5ZDBhYmYwIl0.ZVPxAA.xo65-kY2aZzfH60gdGMkxxoqJqw" },
        { "[23,\"5d41402abc4b2a76b9719d911017c592aed8b1a9\"]", "WzIzLCI1ZDQxNDAyYWJjNGIyYTc2Yjk3MTlkOTExMDE3YzU5MmFlZDhiMWE5Il0.ZVPxAA.-u0-e_tRVp0C2RcsuXPeDciMSz4" },
        { "[\"unsubscribe\",\"alice@example.com\"]", "WyJ1bnN1YnNjcmliZSIsImFsaWNlQGV4YW1wbGUuY29tIl0.ZVPxAA.FSX_WY8u7-wm3qd6EWENotir9DE" },
        { "[\"unsubscribe\",\"jürgen@example.org\"]", "WyJ1bnN1YnNjcmliZSIsImrDvHJnZW5AZXhhbXBsZS5vcmciXQ.ZVPxAA.V1W0KlhMxeNSKNw4tjJWvHB7v7k" },
        { "{\"logged\":true}", "eyJsb2dnZWQiOnRydWV9.ZVPxAA.UicQOGOAsHV1AMudjiU_HQIAYWQ" },
    };

    private static readonly string LongUnsubscribe = "[\"unsubscribe\",\"" + new string('a', 200) + "@x.org\"]";
    private const string LongUnsubscribeToken = ".eJyLVirNKy5NKk4uykxKVdJRShwmwKFCL78oXSkWAOcDVAg.ZVPxAA.ThcHL8GI4pyrnm_jB2XnvriEl4E";

    private static TokenSigner Signer(long now = SignedAt) => new(Secret, ManualClock.AtUnix(now));

    [Theory]
    [MemberData(nameof(Vectors))]
    public void SigningReproducesTheVector(string json, string token) => Assert.Equal(token, Signer().Sign(json));

    [Theory]
    [MemberData(nameof(Vectors))]
    public void VectorVerifiesToItsValue(string json, string token)
    {
        var value = Signer().Verify(token, 60);
        Assert.NotNull(value);
        Assert.Equal(System.Text.Json.JsonDocument.Parse(json).RootElement.GetRawText().Replace(" ", "", StringComparison.Ordinal),
            value.Value.GetRawText().Replace(" ", "", StringComparison.Ordinal));
    }

    [Fact]
    public void CompressedVectorVerifies()
    {
        var value = Signer().Verify(LongUnsubscribeToken, 60);
        Assert.NotNull(value);
        Assert.Equal("a" + new string('a', 199) + "@x.org", value.Value[1].GetString());
    }

    [Fact]
    public void LongValuesAreCompressedAndRoundTrip()
    {
        var token = Signer().Sign(LongUnsubscribe);
        Assert.Equal(LongUnsubscribeToken, token);
        Assert.NotNull(Signer().Verify(token, 60));
    }

    [Fact]
    public void AgeEqualToMaxAgeIsStillValid() => Assert.NotNull(Signer(SignedAt + 900).Verify(Vectors1, 900));

    [Fact]
    public void AgeBeyondMaxAgeIsExpired() => Assert.Null(Signer(SignedAt + 901).Verify(Vectors1, 900));

    [Fact]
    public void TokensFromTheFutureAreRejected() => Assert.Null(Signer(SignedAt - 1).Verify(Vectors1, 900));

    [Theory]
    [InlineData("")]
    [InlineData("MQ")]
    [InlineData("MQ.ZVPxAA")]
    [InlineData("MQ.ZVPxAA.dismnKwmHObkW15tqOvLATppaSp")]
    [InlineData("Mg.ZVPxAA.dismnKwmHObkW15tqOvLATppaSo")]
    [InlineData("MQ.ZVPxAB.dismnKwmHObkW15tqOvLATppaSo")]
    [InlineData("!!.ZVPxAA.dismnKwmHObkW15tqOvLATppaSo")]
    [InlineData("MQ.ZVPxAA.dismnKwmHObkW15tqOvLATppaSo.extra")]
    public void ForgedOrGarbledTokensAreRejected(string token) => Assert.Null(Signer().Verify(token, 60));

    [Fact]
    public void AnotherSecretDoesNotVerify() =>
        Assert.Null(new TokenSigner(Secret.Replace('4', '5'), ManualClock.AtUnix(SignedAt)).Verify(Vectors1, 60));

    private const string Vectors1 = "MQ.ZVPxAA.dismnKwmHObkW15tqOvLATppaSo";
}
