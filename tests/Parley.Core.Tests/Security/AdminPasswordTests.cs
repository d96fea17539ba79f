using System.Text.RegularExpressions;
using Parley.Core.Security;

namespace Parley.Core.Tests.Security;

public sealed class AdminPasswordTests
{
    [Fact]
    public void HashHasTheDocumentedFormat()
    {
        var stored = AdminPassword.Hash("correct horse");
        var match = Regex.Match(stored, @"^pbkdf2-sha256\$(\d+)\$([A-Za-z0-9+/=]+)\$([A-Za-z0-9+/=]+)$");
        Assert.True(match.Success, stored);
        Assert.True(int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) >= 210_000);
        Assert.Equal(16, Convert.FromBase64String(match.Groups[2].Value).Length);
        Assert.Equal(32, Convert.FromBase64String(match.Groups[3].Value).Length);
        Assert.True(AdminPassword.IsHash(stored));
    }

    [Fact]
    public void HashVerifiesTheRightPasswordOnly()
    {
        var stored = AdminPassword.Hash("correct horse");
        Assert.True(AdminPassword.Verify(stored, "correct horse"));
        Assert.False(AdminPassword.Verify(stored, "correct horse "));
        Assert.False(AdminPassword.Verify(stored, ""));
    }

    [Fact]
    public void HashingTwiceUsesANewSalt()
    {
        Assert.NotEqual(AdminPassword.Hash("same"), AdminPassword.Hash("same"));
    }

    [Fact]
    public void AHashWithOtherParametersStillVerifies()
    {
        // Any iteration count the format can carry verifies, so stronger settings need no code change.
        var salt = Convert.ToBase64String("0123456789abcdef"u8.ToArray());
        var hash = Convert.ToBase64String(System.Security.Cryptography.Rfc2898DeriveBytes.Pbkdf2(
            "secret"u8.ToArray(), "0123456789abcdef"u8.ToArray(), 1000, System.Security.Cryptography.HashAlgorithmName.SHA256, 32));
        Assert.True(AdminPassword.Verify($"pbkdf2-sha256$1000${salt}${hash}", "secret"));
        Assert.False(AdminPassword.Verify($"pbkdf2-sha256$1001${salt}${hash}", "secret"));
    }

    [Theory]
    [InlineData("s3cret", "s3cret", true)]
    [InlineData("s3cret", "S3cret", false)]
    [InlineData("s3cret", "s3cret ", false)]
    [InlineData("please_choose_a_strong_password", "please_choose_a_strong_password", true)]
    [InlineData("", "", false)]
    public void PlainTextPasswordsAreComparedAsIsso(string stored, string given, bool expected)
    {
        Assert.Equal(expected, AdminPassword.Verify(stored, given));
    }

    [Theory]
    [InlineData("pbkdf2-sha256$")]
    [InlineData("pbkdf2-sha256$210000$")]
    [InlineData("pbkdf2-sha256$abc$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA==")]
    [InlineData("pbkdf2-sha256$210000$not base64!$aGFzaGhhc2hoYXNoaGFzaA==")]
    [InlineData("pbkdf2-sha256$210000$c2FsdHNhbHRzYWx0$")]
    [InlineData("pbkdf2-sha256$0$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA==")]
    [InlineData("pbkdf2-sha256$999999999$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA==")]
    [InlineData("pbkdf2-sha256$210000$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA==$extra")]
    public void MalformedHashesNeverMatch(string stored)
    {
        Assert.False(AdminPassword.Verify(stored, "anything"));
        Assert.False(AdminPassword.Verify(stored, stored));
    }

    [Fact]
    public void GeneratedPasswordsAreLongUrlSafeAndDifferent()
    {
        var first = AdminPassword.Generate();
        Assert.Equal(32, first.Length);
        Assert.Matches("^[A-Za-z0-9_-]+$", first);
        Assert.NotEqual(first, AdminPassword.Generate());
    }

    [Fact]
    public void AFingerprintIdentifiesAHashWithoutRevealingItAndPlainTextHasNone()
    {
        var first = AdminPassword.Hash("a long passphrase");
        var second = AdminPassword.Hash("a long passphrase");

        Assert.Matches("^[0-9a-f]{64}$", AdminPassword.Fingerprint(first));
        Assert.Equal(AdminPassword.Fingerprint(first), AdminPassword.Fingerprint(first));
        Assert.NotEqual(AdminPassword.Fingerprint(first), AdminPassword.Fingerprint(second));
        Assert.Null(AdminPassword.Fingerprint("a long passphrase"));
    }
}
