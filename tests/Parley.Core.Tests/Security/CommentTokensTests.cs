using Parley.Core.Security;
using Parley.Core.Tests.Support;

namespace Parley.Core.Tests.Security;

public sealed class CommentTokensTests
{
    private const string Secret = "4f1c2e3d4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a6978";
    private readonly ManualClock _clock = ManualClock.AtUnix(1700000000);

    private CommentTokens Tokens => new(new TokenSigner(Secret, _clock));

    [Fact]
    public void OwnershipTokenMatchesTheSpecVector() =>
        Assert.Equal("WzIzLCJmN2ZmOWU4YjdiYjJlMDliNzA5MzVhNWQ3ODVlMGNjNWQ5ZDBhYmYwIl0.ZVPxAA.xo65-kY2aZzfH60gdGMkxxoqJqw",
            Tokens.Ownership(23, "Hello"));

    [Fact]
    public void OwnerMustNameTheIdAndTheCurrentText()
    {
        var token = Tokens.Ownership(23, "Hello");
        Assert.True(Tokens.Owns(token, 900, 23, "Hello"));
        Assert.False(Tokens.Owns(token, 900, 24, "Hello"));
        Assert.False(Tokens.Owns(token, 900, 23, "Hello, edited"));
        Assert.True(Tokens.IsFresh(token, 900));
    }

    [Fact]
    public void OwnershipEndsWithTheWindow()
    {
        var token = Tokens.Ownership(23, "Hello");
        _clock.Advance(TimeSpan.FromSeconds(901));
        Assert.False(Tokens.Owns(token, 900, 23, "Hello"));
        Assert.False(Tokens.IsFresh(token, 900));
    }

    [Fact]
    public void ModerationKeyCarriesTheId()
    {
        Assert.Equal("MQ.ZVPxAA.dismnKwmHObkW15tqOvLATppaSo", Tokens.ModerationKey(1));
        Assert.Equal(23, Tokens.ModeratedId("MjM.ZVPxAA.ayPhoRSgr-G2lxH2O50C4_lugHc"));
        Assert.Null(Tokens.ModeratedId("MjM.ZVPxAA.ayPhoRSgr-G2lxH2O50C4_lugHd"));
        _clock.Advance(TimeSpan.FromDays(3650));
        Assert.Equal(23, Tokens.ModeratedId("MjM.ZVPxAA.ayPhoRSgr-G2lxH2O50C4_lugHc"));
    }

    [Fact]
    public void UnsubscribeKeyIsBoundToTheAddress()
    {
        const string key = "WyJ1bnN1YnNjcmliZSIsImFsaWNlQGV4YW1wbGUuY29tIl0.ZVPxAA.FSX_WY8u7-wm3qd6EWENotir9DE";
        Assert.Equal(key, Tokens.UnsubscribeKey("alice@example.com"));
        Assert.True(Tokens.IsUnsubscribeKeyFor(key, "alice@example.com"));
        Assert.False(Tokens.IsUnsubscribeKeyFor(key, "bob@example.com"));
        Assert.True(Tokens.IsUnsubscribeKeyFor(
            "WyJ1bnN1YnNjcmliZSIsImrDvHJnZW5AZXhhbXBsZS5vcmciXQ.ZVPxAA.V1W0KlhMxeNSKNw4tjJWvHB7v7k", "jürgen@example.org"));
    }

    [Fact]
    public void TextHashMatchesSha1() => Assert.Equal("f7ff9e8b7bb2e09b70935a5d785e0cc5d9d0abf0", TextHash.Of("Hello"));
}
