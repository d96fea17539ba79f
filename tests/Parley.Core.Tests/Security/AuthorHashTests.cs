using Parley.Core.Config;
using Parley.Core.Security;

namespace Parley.Core.Tests.Security;

public sealed class AuthorHashTests
{
    [Theory]
    [InlineData("pbkdf2", "Eech7co8Ohloopo9Ol6baimi", "", "42476aafe2e4")]
    [InlineData("pbkdf2", "Eech7co8Ohloopo9Ol6baimi", "192.168.1.0", "9f0076fd038d")]
    [InlineData("pbkdf2", "Eech7co8Ohloopo9Ol6baimi", "127.0.0.0", "4505c1eeda98")]
    [InlineData("pbkdf2", "Eech7co8Ohloopo9Ol6baimi", "jane@example.org", "8b60ce7639e9")]
    [InlineData("pbkdf2", "Eech7co8Ohloopo9Ol6baimi", "a@b.c", "b539304e6ef9")]
    [InlineData("sha1", "Eech7co8Ohloopo9Ol6baimi", "jane@example.org", "77baeb8633437c80bc3f06a7bcfbad66185ca14b")]
    [InlineData("none", "Eech7co8Ohloopo9Ol6baimi", "127.0.0.0", "3132372e302e302e30")]
    [InlineData("pbkdf2:10:8:sha256", "abc", "jane@example.org", "645c658508d55f92")]
    public void HashesMatchTheSpecVectors(string algorithm, string salt, string input, string expected)
    {
        var hash = new AuthorHash(new HashConfig { Algorithm = algorithm, Salt = salt });
        Assert.Equal(expected, hash.Of(input.Contains('@', StringComparison.Ordinal) ? input : null, input));
    }

    [Fact]
    public void EmailWinsOverAddress()
    {
        var hash = new AuthorHash(new HashConfig());
        Assert.Equal("8b60ce7639e9", hash.Of("jane@example.org", "192.168.1.0"));
        Assert.Equal("9f0076fd038d", hash.Of("", "192.168.1.0"));
    }

    [Fact]
    public void RepeatedInputsKeepTheirOwnHash()
    {
        var hash = new AuthorHash(new HashConfig());
        for (var round = 0; round < 3; round++)
        {
            Assert.Equal("9f0076fd038d", hash.Of(null, "192.168.1.0"));
            Assert.Equal("4505c1eeda98", hash.Of(null, "127.0.0.0"));
            Assert.Equal("8b60ce7639e9", hash.Of("jane@example.org", "127.0.0.0"));
        }
    }

    [Theory]
    [InlineData("whirlpool")]
    [InlineData("pbkdf2:x")]
    [InlineData("pbkdf2:10:8:foo")]
    public void UnknownAlgorithmsAreReported(string algorithm) => Assert.NotNull(AuthorHash.Problem(algorithm));

    [Fact]
    public void GravatarUsesMd5OfTheStoredEmail()
    {
        Assert.Equal("https://g/18385ac57d9b171dc3fe83a5a92b68d9", Gravatar.Url("https://g/{}", "jane@example.org", "Jane"));
        Assert.Equal("https://g/d41d8cd98f00b204e9800998ecf8427e", Gravatar.Url("https://g/{}", null, null));
    }
}
