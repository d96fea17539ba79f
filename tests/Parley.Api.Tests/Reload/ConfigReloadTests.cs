using System.Net;
using System.Text.RegularExpressions;
using Parley.Api.Tests.Support;
using Parley.Core.Config;
using Microsoft.Extensions.DependencyInjection;

namespace Parley.Api.Tests.Reload;

/// <summary>A running server takes over a changed isso.cfg, checked first, without a restart.</summary>
public sealed partial class ConfigReloadTests
{
    private static string ConfigText(string dbPath, string sections = "", string host = "https://example.tld") =>
        $"[general]\ndbpath = {dbPath}\nhost = {host}\n{sections}";

    private static async Task<HttpStatusCode> PostAsync(TestApp app, string text, string ip = "192.0.2.10")
    {
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        using var response = await app.PostNewAsync("/reload/", $$"""{"text": "{{text}}", "title": "Reload"}""", ip);
        return response.StatusCode;
    }

    private static async Task<string> AllowedOriginAsync(TestApp app, string origin)
    {
        var request = Wire.Request(HttpMethod.Get, "/config");
        request.Headers.Add("Origin", origin);
        using var response = await app.Client.SendAsync(request);
        return Wire.Header(response, "Access-Control-Allow-Origin");
    }

    [Fact]
    public async Task AWebsiteAddedWithSetWebsitesIsAllowedWithoutARestart()
    {
        await using var app = await TestApp.StartFromFileAsync(db => ConfigText(db));
        Assert.Equal("https://example.tld", await AllowedOriginAsync(app, "https://blog.example"));

        var cli = await ParleyCli.RunAsync("-c", app.ConfigPath!, "config", "set-websites", "https://example.tld", "https://blog.example");
        Assert.True(cli.ExitCode == 0, cli.ToString());
        Assert.Contains("A running server applies this within a few seconds.", cli.Output, StringComparison.Ordinal);

        await app.Logs.WaitForAsync("now in effect: [general] host");
        Assert.Equal("https://blog.example", await AllowedOriginAsync(app, "https://blog.example"));
        Assert.Equal("https://example.tld", await AllowedOriginAsync(app, "https://example.tld"));
    }

    [Fact]
    public async Task ModerationSwitchedOnInTheFileHoldsTheNextComment()
    {
        await using var app = await TestApp.StartFromFileAsync(db => ConfigText(db, "[guard]\nenabled = false\n"));
        Assert.Equal(HttpStatusCode.Created, await PostAsync(app, "Published at once"));

        // Written in place, as an editor that does not rename would.
        await File.WriteAllTextAsync(app.ConfigPath!, ConfigText(app.DbPath, "[guard]\nenabled = false\n[moderation]\nenabled = true\n"));
        await app.Logs.WaitForAsync("now in effect: [moderation] enabled");

        Assert.Equal(HttpStatusCode.Accepted, await PostAsync(app, "Waits for a moderator"));
        var info = await Wire.JsonOf(await app.GetAsync("/info"));
        Assert.True(info.GetProperty("moderation").GetBoolean());
    }

    [Fact]
    public async Task AConfigurationBehindASymbolicLinkIsFollowedThroughEditsAndANewTarget()
    {
        await using var app = await TestApp.StartFromFileAsync(db => ConfigText(db, "[guard]\nenabled = false\n"), linked: true);
        var target = File.ResolveLinkTarget(app.ConfigPath!, returnFinalTarget: true)!.FullName;

        // The file the link names, edited in place.
        await File.WriteAllTextAsync(target, ConfigText(app.DbPath, "[guard]\nenabled = false\n[moderation]\nenabled = true\n"));
        await app.Logs.WaitForAsync("now in effect: [moderation] enabled");
        Assert.Equal(HttpStatusCode.Accepted, await PostAsync(app, "Held by the edited target"));

        // The link pointed at another file, which itself never changed.
        var other = Path.Combine(Path.GetDirectoryName(target)!, "isso-next.cfg");
        await File.WriteAllTextAsync(other, ConfigText(app.DbPath, "[guard]\nenabled = false\n[moderation]\nenabled = false\n"));
        File.Delete(app.ConfigPath!);
        File.CreateSymbolicLink(app.ConfigPath!, other);
        await app.Logs.WaitForNthAsync(2, "now in effect: [moderation] enabled");
        Assert.Equal(HttpStatusCode.Created, await PostAsync(app, "Published under the new target"));
    }

    [Fact]
    public async Task AGuardRateLimitRaisedWithConfigureServerLetsTheNextCommentIn()
    {
        await using var app = await TestApp.StartFromFileAsync(db => ConfigText(db, "[guard]\nratelimit = 1\ndirect-reply = 10\n"));
        Assert.Equal(HttpStatusCode.Created, await PostAsync(app, "First of the minute"));
        Assert.Equal(HttpStatusCode.Forbidden, await PostAsync(app, "Second of the minute"));

        var cli = await ParleyCli.RunAsync("-c", app.ConfigPath!, "config", "configure-server", "--ratelimit", "5");
        Assert.True(cli.ExitCode == 0, cli.ToString());
        await app.Logs.WaitForAsync("now in effect: [guard] ratelimit");

        Assert.Equal(HttpStatusCode.Created, await PostAsync(app, "Third, under the new limit"));
    }

    [Fact]
    public async Task SmtpSettingsWrittenByConfigureSmtpDeliverTheNextMail()
    {
        await using var smtp = await SmtpServer.StartAsync();
        // Mail is off at start: nothing would ever be sent without a reload.
        await using var app = await TestApp.StartFromFileAsync(db => ConfigText(db, "[guard]\nenabled = false\n"), MailSetup.FastRetry);

        var cli = await ParleyCli.RunAsync("-c", app.ConfigPath!, "config", "configure-smtp", "--host", "127.0.0.1",
            "--port", smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--security", "none",
            "--from", "Parley <parley@example.org>", "--to", "owner@example.org", "--notify", "true");
        Assert.True(cli.ExitCode == 0, cli.ToString());
        Assert.Contains("A running server applies this within a few seconds.", cli.Output, StringComparison.Ordinal);
        await app.Logs.WaitForAsync("now in effect:", "[general] notify", "[smtp] host", "[smtp] port");

        Assert.Equal(HttpStatusCode.Created, await PostAsync(app, "Tell the owner"));
        var mail = Assert.Single(await smtp.WaitForMailsAsync(1, MailSetup.Patience));
        Assert.Contains("owner@example.org", mail.RcptTos);
        Assert.Contains("Tell the owner", mail.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAdminPasswordSetAndRotatedOnARunningServerSignsInWithoutARestart()
    {
        await using var app = await TestApp.StartFromFileAsync(db => ConfigText(db));

        var first = await SetAdminPasswordAsync(app);
        await app.Logs.WaitForAsync("now in effect: [admin] enabled, [admin] password");
        Assert.Equal(HttpStatusCode.NoContent, await SignInAsync(app, first));

        var second = await SetAdminPasswordAsync(app);
        await app.Logs.WaitForAsync("now in effect: [admin] password");
        Assert.Equal(HttpStatusCode.Forbidden, await SignInAsync(app, first));
        Assert.Equal(HttpStatusCode.NoContent, await SignInAsync(app, second));
    }

    private static async Task<string> SetAdminPasswordAsync(TestApp app)
    {
        var cli = await ParleyCli.RunAsync("-c", app.ConfigPath!, "config", "set-admin-password");
        Assert.True(cli.ExitCode == 0, cli.ToString());
        Assert.Contains("A running server applies this within a few seconds.", cli.Output, StringComparison.Ordinal);
        return PrintedPassword().Match(cli.Output).Groups[1].Value;
    }

    private static async Task<HttpStatusCode> SignInAsync(TestApp app, string password)
    {
        using var response = await app.Client.PostAsync("/admin/api/login", TestApp.Json($"{{\"password\":\"{password}\"}}"));
        return response.StatusCode;
    }

    [GeneratedRegex(@"^    ([A-Za-z0-9_-]{32})$", RegexOptions.Multiline)]
    private static partial Regex PrintedPassword();

    [Fact]
    public async Task AnInvalidFileKeepsTheRunningSettingsAndLogsEveryProblem()
    {
        await using var app = await TestApp.StartFromFileAsync(db => ConfigText(db, "[guard]\nratelimit = 1\ndirect-reply = 10\n"));

        await File.WriteAllTextAsync(app.ConfigPath!,
            ConfigText(app.DbPath, "[guard]\nratelimit = lots\ndirect-reply = 10\n[moderation]\nenabled = maybe\n"));
        await app.Logs.WaitForAsync("Kept the running configuration", "2 problem(s)");
        await app.Logs.WaitForAsync("[guard] ratelimit: \"lots\" is not a number");
        await app.Logs.WaitForAsync("[moderation] enabled: \"maybe\" is not a boolean");

        // Still one comment a minute, still published at once.
        Assert.Equal(HttpStatusCode.Created, await PostAsync(app, "Published as before"));
        Assert.Equal(HttpStatusCode.Forbidden, await PostAsync(app, "Over the old limit"));

        // Mended, the file applies again.
        await File.WriteAllTextAsync(app.ConfigPath!, ConfigText(app.DbPath, "[guard]\nratelimit = 5\ndirect-reply = 10\n"));
        await app.Logs.WaitForAsync("now in effect: [guard] ratelimit");
        Assert.Equal(HttpStatusCode.Created, await PostAsync(app, "Under the mended limit"));
    }

    [Fact]
    public async Task AFileThatWouldNotStartTheServerIsRefusedLikeAtStartUp()
    {
        await using var app = await TestApp.StartFromFileAsync(db => ConfigText(db));

        await File.WriteAllTextAsync(app.ConfigPath!, ConfigText(app.DbPath, "[admin]\nenabled = true\n", host: ""));
        var problem = await app.Logs.WaitForAsync("[general] host: no website may embed the comments");
        Assert.Contains($"parley -c {app.ConfigPath} config set-websites", problem, StringComparison.Ordinal);
        await app.Logs.WaitForAsync($"parley -c {app.ConfigPath} config set-admin-password");

        Assert.Equal("https://example.tld", await AllowedOriginAsync(app, "https://example.tld"));
        Assert.False(app.Services.GetRequiredService<LiveConfig>().Current.Admin.Enabled);
    }

    [Fact]
    public async Task SettingsThatNeedARestartAreNamedAndKeptAsTheyAre()
    {
        await using var app = await TestApp.StartFromFileAsync(db => ConfigText(db, "[guard]\nratelimit = 1\n"));
        var live = app.Services.GetRequiredService<LiveConfig>();
        var started = live.Current;

        await File.WriteAllTextAsync(app.ConfigPath!, ConfigText(app.DbPath + ".other",
            "[server]\nlisten = http://127.0.0.1:1\n[guard]\nratelimit = 7\n[hash]\nsalt = another\n"));
        await app.Logs.WaitForAsync("[general] dbpath, [server] listen, [hash] salt: needs a restart to take effect");
        await app.Logs.WaitForAsync("now in effect: [guard] ratelimit");

        Assert.Equal(7, live.Current.Guard.RateLimit);
        Assert.Equal(started.General.DbPath, live.Current.General.DbPath);
        Assert.Equal(started.Server.Listen, live.Current.Server.Listen);
        Assert.Equal(started.Hash, live.Current.Hash);
        Assert.Equal(HttpStatusCode.OK, (await app.GetAsync("/info")).StatusCode);
    }

    [Fact]
    public async Task AChangedSecretIsNamedButItsValueNeverLogged()
    {
        await using var app = await TestApp.StartFromFileAsync(db => ConfigText(db, "[smtp]\npassword = old-secret-1\n"));

        await File.WriteAllTextAsync(app.ConfigPath!, ConfigText(app.DbPath, "[smtp]\npassword = new-secret-2\n"));
        await app.Logs.WaitForAsync("now in effect: [smtp] password");

        Assert.DoesNotContain(app.Logs.Lines, l => l.Contains("secret-", StringComparison.Ordinal));
    }
}
