using Parley.Api.Tests.Support;

namespace Parley.Api.Tests.Cli;

public sealed class EmbedCodeCommandTests
{
    private const string Section = "<section id=\"isso-thread\"><noscript>Javascript needs to be activated to view comments.</noscript></section>\n";

    [Fact]
    public async Task PrintsTheScriptTagAndTheThreadSection()
    {
        using var config = TempConfig.Missing();
        var result = await config.RunAsync("config", "embed-code", "--public-endpoint", "https://comments.example.org/");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("<script data-isso=\"https://comments.example.org/\" src=\"https://comments.example.org/js/embed.min.js\" async></script>\n"
            + Section, result.Output);
        Assert.False(File.Exists(config.Path));
    }

    [Fact]
    public async Task TheLanguageAndTheConfiguredEndpointAreUsed()
    {
        using var config = TempConfig.Of("[server]\npublic-endpoint = https://example.org/isso\n");
        var result = await config.RunAsync("config", "embed-code", "--language", "pt-BR");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("<script data-isso=\"https://example.org/isso/\" data-isso-lang=\"pt-BR\" src=\"https://example.org/isso/js/embed.min.js\" async></script>\n"
            + Section, result.Output);
    }

    [Fact]
    public async Task WithoutAnyPublicAddressItSaysHowToGiveOne()
    {
        using var config = TempConfig.Of("[general]\nhost = https://example.org\n");
        var result = await config.RunAsync("config", "embed-code");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--public-endpoint", result.Error, StringComparison.Ordinal);
        Assert.Equal("", result.Output);
    }
}
