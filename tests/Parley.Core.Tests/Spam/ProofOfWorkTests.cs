using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Parley.Core.Comments;
using Parley.Core.Spam;

namespace Parley.Core.Tests.Spam;

public sealed class ProofOfWorkTests
{
    private sealed class Clock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private readonly Clock _clock = new(new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero));

    /// <summary>What a client does: tries every number up to maxnumber, and sends ALTCHA's payload.</summary>
    public static string Solve(ProofOfWork.Challenge c, long? number = null, Action<Dictionary<string, object>>? change = null)
    {
        var found = number ?? Enumerable.Range(0, c.MaxNumber + 1).First(n =>
            Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(c.Salt + n.ToString(CultureInfo.InvariantCulture)))) == c.Value);
        var payload = new Dictionary<string, object>
        {
            ["algorithm"] = c.Algorithm, ["challenge"] = c.Value, ["number"] = found, ["salt"] = c.Salt, ["signature"] = c.Signature, ["took"] = 12,
        };
        change?.Invoke(payload);
        return Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(payload));
    }

    private static string Refusal(Action verify)
    {
        var refused = Assert.Throws<RuleViolationException>(verify);
        Assert.Equal(ViolationKind.Forbidden, refused.Kind);
        return refused.Message;
    }

    [Fact]
    public void AChallengeIsALTCHAsV1ShapeAndItsSolutionIsAccepted()
    {
        var pow = new ProofOfWork("session key", _clock);
        var challenge = pow.Create(1000);
        Assert.Equal("SHA-256", challenge.Algorithm);
        Assert.Equal(1000, challenge.MaxNumber);
        Assert.Matches("^[0-9a-f]{24}\\?expires=[0-9]+&$", challenge.Salt);
        Assert.Matches("^[0-9a-f]{64}$", challenge.Value);
        Assert.Matches("^[0-9a-f]{64}$", challenge.Signature);
        Assert.Contains($"expires={_clock.Now.Add(ProofOfWork.Lifetime).ToUnixTimeSeconds()}", challenge.Salt, StringComparison.Ordinal);

        var (value, expires) = pow.Verify(Solve(challenge));
        Assert.Equal(challenge.Value, value);
        Assert.Equal(_clock.Now.Add(ProofOfWork.Lifetime).ToUnixTimeSeconds(), expires);
        // Another instance of the same database (same session key) accepts it too.
        Assert.Equal(challenge.Value, new ProofOfWork("session key", _clock).Verify(Solve(challenge)).Challenge);
    }

    [Fact]
    public void AWrongNumberAForgedOrForeignSignatureAndAnExpiredChallengeAreRefused()
    {
        var pow = new ProofOfWork("session key", _clock);
        var challenge = pow.Create(1000);
        var right = Enumerable.Range(0, 1001).First(n =>
            Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(challenge.Salt + n))) == challenge.Value);

        Assert.Equal("the proof of work is not solved", Refusal(() => pow.Verify(Solve(challenge, (right + 1) % 1001))));
        Assert.Equal("the proof of work is not solved", Refusal(() => pow.Verify(Solve(challenge, -1))));
        Assert.Contains("not made here", Refusal(() => pow.Verify(Solve(challenge, right, p => p["signature"] = new string('0', 64)))), StringComparison.Ordinal);
        Assert.Contains("not made here", Refusal(() => new ProofOfWork("another key", _clock).Verify(Solve(challenge, right))), StringComparison.Ordinal);
        // A challenge a client made up itself: the hash is right, the signature cannot be.
        var salt = "00112233445566778899aabb?expires=9999999999&";
        var own = new ProofOfWork.Challenge("SHA-256", Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(salt + "7"))), 10, salt, "");
        Assert.Contains("not made here", Refusal(() => pow.Verify(Solve(own, 7))), StringComparison.Ordinal);
        // A longer expiry written into the salt breaks the hash and the signature alike.
        Assert.NotEqual("", Refusal(() => pow.Verify(Solve(challenge, right, p => p["salt"] = challenge.Salt.Replace("?expires=", "?expires=9", StringComparison.Ordinal)))));

        _clock.Now += ProofOfWork.Lifetime + TimeSpan.FromSeconds(1);
        Assert.Equal("the proof of work has expired: reload the page and post again", Refusal(() => pow.Verify(Solve(challenge, right))));
    }

    [Theory]
    [InlineData(null, "this site asks for proof of work with each comment: post with Parley's client (Isso's cannot do it)")]
    [InlineData("", "this site asks for proof of work with each comment: post with Parley's client (Isso's cannot do it)")]
    [InlineData("not base64!", "the proof of work is not an ALTCHA solution")]
    [InlineData("bm90IGpzb24=", "the proof of work is not an ALTCHA solution")]
    [InlineData("W10=", "the proof of work is not an ALTCHA solution")]
    [InlineData("eyJhbGdvcml0aG0iOiJTSEEtMjU2In0=", "the proof of work is not an ALTCHA solution")]
    public void AMalformedSolutionIsA403WithAMessage(string? payload, string message)
    {
        Assert.StartsWith(message, Refusal(() => new ProofOfWork("k", _clock).Verify(payload)), StringComparison.Ordinal);
    }

    [Fact]
    public void FieldsOfTheWrongKindAndAnotherAlgorithmAreRefused()
    {
        var pow = new ProofOfWork("k", _clock);
        var challenge = pow.Create(10);
        Assert.StartsWith("the proof of work is not an ALTCHA solution", Refusal(() => pow.Verify(Solve(challenge, 1, p => p["salt"] = 5))), StringComparison.Ordinal);
        Assert.StartsWith("the proof of work is not an ALTCHA solution", Refusal(() => pow.Verify(Solve(challenge, 1, p => p["number"] = "1"))), StringComparison.Ordinal);
        Assert.StartsWith("the proof of work is not an ALTCHA solution", Refusal(() => pow.Verify(Solve(challenge, 1, p => p["number"] = 1e30))), StringComparison.Ordinal);
        Assert.Equal("the proof of work must use SHA-256", Refusal(() => pow.Verify(Solve(challenge, 1, p => p["algorithm"] = "SHA-1"))));
        Assert.Contains("carries no expiry", Refusal(() => pow.Verify(Solve(challenge, 1, p => p["salt"] = "abc"))), StringComparison.Ordinal);
    }

    [Fact]
    public void TheHiddenNumberCoversTheWholeRangeUpToTheCost()
    {
        var pow = new ProofOfWork("k", _clock);
        var numbers = Enumerable.Range(0, 200).Select(_ =>
        {
            var c = pow.Create(3);
            return Enumerable.Range(0, 4).Single(n => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(c.Salt + n))) == c.Value);
        }).ToHashSet();
        Assert.Equal([0, 1, 2, 3], numbers.Order());
    }
}
