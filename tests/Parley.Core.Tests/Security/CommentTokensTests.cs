using Parley.Core.Comments;
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
    public void ThreadUnsubscribeKeySignsTheThreadAndIsToldApartFromAReplyKey()
    {
        var key = Tokens.UnsubscribeKey("alice@example.com", thread: true);
        Assert.Equal("""["unsubscribe","alice@example.com","thread"]""", Payload(key));
        Assert.Equal(TokenStatus.Valid, Tokens.CheckUnsubscribeKey(key, "alice@example.com", out var thread));
        Assert.True(thread);
        Assert.Equal(TokenStatus.Invalid, Tokens.CheckUnsubscribeKey(key, "bob@example.com", out _));
        Assert.Equal(TokenStatus.Valid, Tokens.CheckUnsubscribeKey(Tokens.UnsubscribeKey("alice@example.com"), "alice@example.com", out thread));
        Assert.False(thread);
        // Signed, yet neither form: a fourth element, or a third that is not "thread".
        var other = new TokenSigner(Secret, _clock);
        Assert.Equal(TokenStatus.Invalid, Tokens.CheckUnsubscribeKey(
            other.Sign(PyJson.Array(PyJson.Str("unsubscribe"), PyJson.Str("alice@example.com"), PyJson.Str("conversation"))), "alice@example.com", out thread));
        Assert.False(thread);
        Assert.Equal(TokenStatus.Invalid, Tokens.CheckUnsubscribeKey(
            other.Sign(PyJson.Array(PyJson.Str("unsubscribe"), PyJson.Str("alice@example.com"), PyJson.Str("thread"), PyJson.Str("x"))), "alice@example.com", out _));
        Assert.NotEqual(TokenStatus.Valid, Tokens.CheckUnsubscribeKey(key[..^1] + (key[^1] == 'A' ? 'B' : 'A'), "alice@example.com", out thread));
        Assert.False(thread);
    }

    [Fact]
    public void SubscribeKeyCarriesTheLevelAskedFor()
    {
        var replies = Tokens.SubscribeKey("alice@example.com", 7);
        var thread = Tokens.SubscribeKey("alice@example.com", 7, Subscription.Thread);
        Assert.Equal("""["subscribe","alice@example.com",7]""", Payload(replies));
        Assert.Equal("""["subscribe","alice@example.com",7,"thread"]""", Payload(thread));
        Assert.Equal(TokenStatus.Valid, Tokens.CheckSubscribeKey(replies, "alice@example.com", 7, out var level));
        Assert.Equal(Subscription.Replies, level);
        Assert.Equal(TokenStatus.Valid, Tokens.CheckSubscribeKey(thread, "alice@example.com", 7, out level));
        Assert.Equal(Subscription.Thread, level);
        Assert.Equal(TokenStatus.Invalid, Tokens.CheckSubscribeKey(thread, "alice@example.com", 8, out _));
        Assert.Equal(TokenStatus.Invalid, Tokens.CheckSubscribeKey(thread, "bob@example.com", 7, out _));
        _clock.Advance(TimeSpan.FromSeconds(CommentTokens.SubscribeMaxAge + 1));
        Assert.Equal(TokenStatus.Expired, Tokens.CheckSubscribeKey(thread, "alice@example.com", 7, out _));
    }

    private static string Payload(string key)
    {
        var part = key[..key.IndexOf('.', StringComparison.Ordinal)].Replace('-', '+').Replace('_', '/');
        return System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(part.PadRight(part.Length + (4 - part.Length % 4) % 4, '=')));
    }

    [Fact]
    public void TextHashMatchesSha1() => Assert.Equal("f7ff9e8b7bb2e09b70935a5d785e0cc5d9d0abf0", TextHash.Of("Hello"));
}
