using System.Net;
using System.Text.RegularExpressions;
using Parley.Api.Tests.Support;
using Parley.Core.Security;

namespace Parley.Api.Tests.Cli;

public sealed partial class AdminPasswordCommandTests
{
    [Fact]
    public async Task ThePrintedPasswordSignsInAndRotationRetiresTheOldOne()
    {
        using var config = TempConfig.Handwritten();
        var first = await PasswordAsync(config);
        var stored = config.Ini.Get("admin", "password")!;
        Assert.StartsWith("pbkdf2-sha256$", stored, StringComparison.Ordinal);
        Assert.Equal("true", config.Ini.Get("admin", "enabled"));
        Assert.True(AdminPassword.Verify(stored, first));

        await using (var app = await StartWithAdminOf(config))
        {
            Assert.Equal(HttpStatusCode.NoContent, await LoginAsync(app, first));
        }

        var second = await PasswordAsync(config);
        Assert.NotEqual(first, second);
        Assert.NotEqual(stored, config.Ini.Get("admin", "password"));
        await using (var app = await StartWithAdminOf(config))
        {
            Assert.Equal(HttpStatusCode.Forbidden, await LoginAsync(app, first));
            Assert.Equal(HttpStatusCode.NoContent, await LoginAsync(app, second));
        }
    }

    [Fact]
    public async Task NeitherThePasswordNorItsHashIsShownAgain()
    {
        using var config = TempConfig.Handwritten();
        var password = await PasswordAsync(config);
        var show = await config.RunAsync("config", "show");
        Assert.Contains("[admin] password = (set)\n", show.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(password, show.Output + show.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("pbkdf2-sha256", show.Output + show.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShowCallsTheSamplePasswordOut()
    {
        using var config = TempConfig.Of("[general]\nhost = https://example.org\n");
        var show = await config.RunAsync("config", "show");
        Assert.Contains("[admin] password = (sample — run parley config set-admin-password)", show.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutADatabaseYetNoneIsCreated()
    {
        var db = Path.Combine(Path.GetTempPath(), $"parley-none-{Guid.NewGuid():N}", "comments.db");
        using var config = TempConfig.Of($"[general]\ndbpath = {db}\nhost = https://example.org\n");

        await PasswordAsync(config);

        Assert.False(File.Exists(db));
        Assert.False(Directory.Exists(Path.GetDirectoryName(db)));
    }

    [Fact]
    public async Task ADatabaseThatCannotBeOpenedGetsOneWarningAndThePasswordIsStillReplaced()
    {
        var db = Path.Combine(Path.GetTempPath(), $"parley-garbage-{Guid.NewGuid():N}.db");
        var garbage = new byte[8192];
        new Random(7).NextBytes(garbage);
        await File.WriteAllBytesAsync(db, garbage);
        try
        {
            using var config = TempConfig.Of($"[general]\ndbpath = {db}\nhost = https://example.org\n");

            var result = await config.RunAsync("config", "set-admin-password");

            Assert.True(result.ExitCode == 0, result.ToString());
            // (The other warning line is about the database lying in a temporary folder.)
            var warning = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.Contains("sign out", StringComparison.Ordinal));
            Assert.StartsWith($"warning: cannot sign out the admin sessions in {db} (", warning, StringComparison.Ordinal);
            Assert.EndsWith("); they end when Parley next starts.", warning, StringComparison.Ordinal);
            Assert.Matches(PrintedPassword(), result.Output);
            Assert.DoesNotContain("signed out", result.Output, StringComparison.Ordinal);
            Assert.Equal(garbage, await File.ReadAllBytesAsync(db));
        }
        finally
        {
            File.Delete(db);
        }
    }

    private static async Task<string> PasswordAsync(TempConfig config)
    {
        var result = await config.RunAsync("config", "set-admin-password");
        Assert.True(result.ExitCode == 0, result.ToString());
        var match = PrintedPassword().Match(result.Output);
        Assert.True(match.Success, result.ToString());
        Assert.DoesNotContain("pbkdf2", result.Output, StringComparison.Ordinal);
        return match.Groups[1].Value;
    }

    private static Task<TestApp> StartWithAdminOf(TempConfig config)
    {
        var admin = config.Read().Config.Admin;
        return TestApp.StartAsync(c => c with { Admin = admin });
    }

    private static async Task<HttpStatusCode> LoginAsync(TestApp app, string password)
    {
        using var response = await app.Client.PostAsync("/admin/api/login", TestApp.Json($"{{\"password\":\"{password}\"}}"));
        return response.StatusCode;
    }

    [GeneratedRegex(@"^    ([A-Za-z0-9_-]{32})$", RegexOptions.Multiline)]
    private static partial Regex PrintedPassword();
}
