using Parley.Api.Tests.Support;
using Parley.Core.Config;

namespace Parley.Api.Tests.Cli;

/// <summary>Every config action on a hand-written file: only the keys it owns change, byte for byte.</summary>
public sealed class ConfigCommandTests
{
    public static TheoryData<string, string[], string[]> Actions => new()
    {
        { "set-websites", ["set-websites", "https://blog.example.net", "https://www.example.net:8443"], ["general.host"] },
        {
            "configure-server",
            ["configure-server", "--listen", "http://127.0.0.1:9000", "--public-endpoint", "https://talk.example.net/",
                "--trusted-proxy", "10.0.0.1", "--trusted-proxy", "::1", "--samesite", "Strict", "--moderation", "true",
                "--max-age", "1h30m", "--ratelimit", "5", "--require-email", "true", "--require-author", "true",
                "--reply-notifications", "true", "--thread-notifications", "true"],
            ["server.listen", "server.public-endpoint", "server.trusted-proxies", "server.samesite", "moderation.enabled",
                "general.max-age", "guard.ratelimit", "guard.require-email", "guard.require-author", "general.reply-notifications",
                "general.thread-notifications"]
        },
        {
            "configure-smtp",
            ["configure-smtp", "--host", "mail.example.net", "--port", "465", "--security", "ssl", "--username", "bot",
                "--password-stdin", "--from", "Comments <bot@example.net>", "--to", "owner@example.net", "--timeout", "20",
                "--notify", "true"],
            ["smtp.host", "smtp.port", "smtp.security", "smtp.username", "smtp.password", "smtp.from", "smtp.to", "smtp.timeout",
                "general.notify"]
        },
        { "set-admin-password", ["set-admin-password"], ["admin.password", "admin.enabled"] },
        { "embed-code", ["embed-code"], [] },
        { "show", ["show"], [] },
    };

    [Theory]
    [MemberData(nameof(Actions))]
    public async Task EveryActionKeepsEverythingItDoesNotOwn(string name, string[] args, string[] owned)
    {
        using var config = TempConfig.Handwritten();
        var before = config.Text;
        var result = await config.RunWithInputAsync("mail-secret\n", ["config", .. args]);
        Assert.True(result.ExitCode == 0, $"{name}: {result}");
        var after = config.Text;
        Assert.Equal(Without(before, owned), Without(after, owned));
        Assert.Equal(owned.Length == 0, before == after);
        Assert.True(config.Read().IsValid);
    }

    [Fact]
    public async Task ConfigureServerWritesTheValuesGiven()
    {
        using var config = TempConfig.Handwritten();
        var result = await config.RunAsync("config", "configure-server", "--public-endpoint", "https://talk.example.net/", "--trusted-proxy", "10.0.0.1", "10.0.0.2",
            "--max-age", "1h30m", "--moderation", "true");
        Assert.True(result.ExitCode == 0, result.ToString());
        var read = config.Read().Config;
        Assert.Equal("https://talk.example.net", read.Server.PublicEndpoint);
        Assert.Equal(["10.0.0.1", "10.0.0.2"], read.Server.TrustedProxies);
        Assert.Equal(5400, read.General.MaxAge);
        Assert.True(read.Moderation.Enabled);
        Assert.Equal("http://localhost:8080/", read.Server.Listen);
    }

    [Fact]
    public async Task ConfigureServerTakesTrustedProxyRangesOfBothFamilies()
    {
        using var config = TempConfig.Handwritten();
        var result = await config.RunAsync("config", "configure-server", "--trusted-proxy", "172.16.0.0/12", "fd00::/8", "::ffff:192.0.2.1", "10.0.0.1");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["172.16.0.0/12", "fd00::/8", "::ffff:192.0.2.1", "10.0.0.1"], config.Read().Config.Server.TrustedProxies);
    }

    [Fact]
    public async Task ConfigureSmtpReadsThePasswordFromStandardInputAndAddsSmtpToNotify()
    {
        using var config = TempConfig.Handwritten();
        var result = await config.RunWithInputAsync("p@ss word%$\n", "config", "configure-smtp", "--host", "mail.example.net", "--password-stdin", "--notify", "true");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.DoesNotContain("p@ss", result.Output + result.Error, StringComparison.Ordinal);
        Assert.Equal("p@ss word%$", config.Ini.Get("smtp", "password"));
        Assert.Equal(["stdout", "smtp"], config.Read().Config.General.Notify);

        result = await config.RunAsync("config", "configure-smtp", "--host", "mail.example.net", "--notify", "false");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["stdout"], config.Read().Config.General.Notify);
        Assert.Equal("p@ss word%$", config.Ini.Get("smtp", "password"));
    }

    [Theory]
    [InlineData("example.org", "set-websites", "example.org")]
    [InlineData("ftp://x", "set-websites", "ftp://x")]
    [InlineData("https://x/path", "set-websites", "https://x/path")]
    [InlineData("https://user@x", "set-websites", "https://user@x")]
    [InlineData("https://x/?q=1", "set-websites", "https://x/?q=1")]
    [InlineData("max-age", "configure-server", "--max-age", "1y")]
    [InlineData("listen", "configure-server", "--listen", "notaurl")]
    [InlineData("ftp://talk", "configure-server", "--public-endpoint", "ftp://talk")]
    [InlineData("\"caddy\" is not an IP address or CIDR range", "configure-server", "--trusted-proxy", "caddy")]
    [InlineData("\"10.0.0.1/8\" has address bits set after the /8; the range starting there is 10.0.0.0/8", "configure-server", "--trusted-proxy", "10.0.0.1/8")]
    [InlineData("ratelimit", "configure-server", "--ratelimit", "many")]
    [InlineData("maybe", "configure-server", "--moderation", "maybe")]
    [InlineData("Sometimes", "configure-server", "--samesite", "Sometimes")]
    [InlineData("at least one option", "configure-server")]
    [InlineData("port", "configure-smtp", "--host", "h", "--port", "70000")]
    [InlineData("tls", "configure-smtp", "--host", "h", "--security", "tls")]
    [InlineData("not-an-address", "configure-smtp", "--host", "h", "--from", "not-an-address")]
    [InlineData("timeout", "configure-smtp", "--host", "h", "--timeout", "0")]
    [InlineData("--host", "configure-smtp", "--port", "25")]
    [InlineData("password", "configure-smtp", "--host", "h", "--password-stdin")]
    public async Task AnInvalidValueChangesNothingAndSaysWhy(string reason, params string[] args)
    {
        using var config = TempConfig.Handwritten();
        var before = File.ReadAllBytes(config.Path);
        var result = await config.RunAsync(["config", .. args]);
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains(reason, result.Error, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(config.Path));
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(config.Path)!));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task AnEditKeepsTheFilesPermissionsAndANewFileIsPrivate()
    {
        using var config = TempConfig.Handwritten();
        File.SetUnixFileMode(config.Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);
        Assert.Equal(0, (await config.RunAsync("config", "set-websites", "https://example.org")).ExitCode);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead, File.GetUnixFileMode(config.Path));

        using var fresh = TempConfig.Missing();
        var result = await fresh.RunAsync("config", "set-admin-password");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(fresh.Path));
    }

    [Fact]
    public async Task EnforcedKeysAreWrittenBackAndSaidSo()
    {
        using var config = TempConfig.Of(TempConfig.HandwrittenText.Replace("reload = off", "reload = true", StringComparison.Ordinal));
        var result = await config.RunAsync("config", "configure-server", "--ratelimit", "3");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("[server] reload", result.Error, StringComparison.Ordinal);
        Assert.Equal("false", config.Ini.Get("server", "reload"));
        Assert.Equal(Without(TempConfig.HandwrittenText, ["server.reload", "guard.ratelimit"]), Without(config.Text, ["server.reload", "guard.ratelimit"]));
    }

    /// <summary>The text with the owned keys' lines removed; what is left must not differ at all.</summary>
    private static string Without(string text, string[] owned)
    {
        var ini = IniFile.Parse(text);
        foreach (var key in owned)
        {
            var (section, item) = Split(key);
            ini.Remove(section, item);
        }
        return ini.ToString();
    }

    private static (string Section, string Key) Split(string owned)
    {
        var dot = owned.LastIndexOf('.');
        return (owned[..dot], owned[(dot + 1)..]);
    }
}
