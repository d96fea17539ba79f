using Parley.Api.Tests.Support;

namespace Parley.Api.Tests.Cli;

/// <summary>Every config action that writes says whether a running server applies the change or needs a restart.</summary>
public sealed class ReloadNoticeTests
{
    private const string Live = "A running server applies this within a few seconds.";

    [Theory]
    [InlineData(Live, "set-websites", "https://blog.example")]
    [InlineData(Live, "configure-server", "--moderation", "true", "--ratelimit", "5", "--max-age", "1h")]
    [InlineData(Live, "configure-server", "--public-endpoint", "https://comments.example.net", "--samesite", "Strict")]
    [InlineData(Live, "configure-smtp", "--host", "mail.example.org", "--port", "465", "--security", "ssl", "--notify", "true")]
    [InlineData(Live, "set-admin-password")]
    [InlineData("Restart the server for [server] listen to take effect.", "configure-server", "--listen", "http://localhost:9000")]
    [InlineData("Restart the server for [server] listen and [server] trusted-proxies to take effect.",
        "configure-server", "--listen", "http://localhost:9000", "--trusted-proxy", "192.0.2.1")]
    [InlineData("A running server applies [moderation] enabled within a few seconds; restart it for [server] listen to take effect.",
        "configure-server", "--listen", "http://localhost:9000", "--moderation", "true")]
    public async Task EachActionSaysWhenItsChangeTakesEffect(string notice, params string[] action)
    {
        using var config = TempConfig.Handwritten();
        var result = await config.RunAsync(["config", .. action]);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"\n{notice}\n", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEditThatChangesNoSettingInEffectSaysSo()
    {
        // 15m written as seconds: the file changes, what the server does not.
        using var config = TempConfig.Handwritten();
        var result = await config.RunAsync("config", "configure-server", "--max-age", "900");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("No setting in effect changed.", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ANewFileSaysHowToStartAServerWithIt()
    {
        using var config = TempConfig.Missing();
        var result = await config.RunAsync("config", "set-websites", "https://blog.example");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"No server runs with it yet; start one with `parley -c {config.Path} run`.", result.Output, StringComparison.Ordinal);
    }
}
