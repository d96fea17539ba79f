using Parley.Api.Tests.Support;

namespace Parley.Api.Tests.Cli;

public sealed class RunAdminGuardTests
{
    [Theory]
    [InlineData("")]
    [InlineData("password = please_choose_a_strong_password\n")]
    [InlineData("password =\n")]
    public async Task RunRefusesAnAdminPanelWithoutARealPassword(string passwordLine)
    {
        using var config = TempConfig.Missing();
        File.WriteAllText(config.Path, $"[general]\ndbpath = {Path.GetDirectoryName(config.Path)}/comments.db\nhost = https://example.org\n"
            + $"[server]\nlisten = http://127.0.0.1:1\n[admin]\nenabled = true\n{passwordLine}");
        var result = await config.RunAsync("run");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"parley -c {config.Path} config set-admin-password", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(Path.GetDirectoryName(config.Path)!, "comments.db")));
    }
}
