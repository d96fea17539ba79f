using Parley.Api.Tests.Support;

namespace Parley.Api.Tests.Cli;

public sealed class SetWebsitesCommandTests
{
    [Fact]
    public async Task OriginsAreNormalisedAndTheLocalhostPlaceholderComesLast()
    {
        using var config = TempConfig.Handwritten();
        var result = await config.RunAsync("config", "set-websites", "HTTPS://Example.ORG:443/", "https://www.example.org:8443", "https://example.org");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("\nhttps://example.org\nhttps://www.example.org:8443\nhttp://localhost", config.Ini.Get("general", "host"));
        Assert.Equal("", result.Error);
    }

    [Fact]
    public async Task RerunningReplacesTheList()
    {
        using var config = TempConfig.Handwritten();
        Assert.Equal(0, (await config.RunAsync("config", "set-websites", "https://one.example")).ExitCode);
        Assert.Equal(0, (await config.RunAsync("config", "set-websites", "https://two.example")).ExitCode);
        Assert.Equal(["https://two.example", "http://localhost"], config.Read().Config.General.Host);
    }

    [Fact]
    public async Task PlainHttpIsWrittenWithAWarningExceptOnThisMachine()
    {
        using var config = TempConfig.Handwritten();
        var result = await config.RunAsync("config", "set-websites", "http://blog.example.org", "http://localhost:1313", "http://127.0.0.1:4000");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("warning: http://blog.example.org is plain http", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("localhost", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("127.0.0.1", result.Error, StringComparison.Ordinal);
        Assert.Equal(["http://blog.example.org", "http://localhost:1313", "http://127.0.0.1:4000", "http://localhost"], config.Read().Config.General.Host);
    }

    [Fact]
    public async Task ShowListsTheWebsitesWithoutThePlaceholder()
    {
        using var config = TempConfig.Handwritten();
        Assert.Equal(0, (await config.RunAsync("config", "set-websites", "https://example.org", "https://www.example.org")).ExitCode);
        var show = await config.RunAsync("config", "show");
        Assert.True(show.ExitCode == 0, show.ToString());
        Assert.Contains("[general] host = https://example.org, https://www.example.org\n", show.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARejectedOriginNamesItselfAndWritesNothing()
    {
        using var config = TempConfig.Missing();
        var result = await config.RunAsync("config", "set-websites", "https://good.example", "example.org");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("\"example.org\"", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(config.Path));
    }
}
