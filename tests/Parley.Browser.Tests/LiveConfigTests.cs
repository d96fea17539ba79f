using System.Net;
using System.Text.Json;
using Xunit.Abstractions;

namespace Parley.Browser.Tests;

/// <summary>
/// The websites a running server allows change with <c>parley config</c> alone: a refused website says so on its
/// page and in the server's log, and the command the log names lets it in without a restart.
/// </summary>
public sealed class LiveConfigTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private static readonly Catalogue En = Catalogue.Load("en");

    [Fact]
    public async Task AWebsiteAllowedWithTheLoggedCommandLoadsCommentsWithoutARestart()
    {
        await using var site = await TestSite.StartAsync(browser, output);
        // A second website, on another port: another origin, not in [general] host.
        await using var other = await SitePages.StartAsync();
        await site.Api.PostAsync("/post-1/", "Seen once the site is allowed");
        var page = site.Page;
        await page.GotoAsync(other.AddPage("/post-1/", PageMarkup.Post(site.Parley.Origin)).ToString());

        // The page says why, instead of blaming the network.
        var problem = page.Locator("#isso-thread .isso-load-error");
        await Expect(problem).ToContainTextAsync(En.Text("error-not-allowed"));
        await Expect(problem).Not.ToContainTextAsync(En.Text("error-network"));

        // The log names the website and the command that allows it; that command is what the owner runs.
        var line = await site.Parley.WaitForLineAsync($"Refused requests from {other.OriginText}:");
        var command = line[(line.IndexOf("parley -c ", StringComparison.Ordinal) + "parley ".Length)..].Split(' ');
        string[] expected = ["-c", site.Parley.ConfigPath, "config", "set-websites", site.Pages.OriginText, site.Parley.OriginText, other.OriginText];
        Assert.Equal(expected, command);
        var (exit, said) = await ParleyProcess.RunCommandAsync(command);
        Assert.True(exit == 0, said);
        Assert.Contains("A running server applies this within a few seconds.", said, StringComparison.Ordinal);

        await site.Parley.WaitForLineAsync("now in effect: [general] host");
        await page.ReloadAsync();
        await Expect(new ThreadDom(page).CommentWithText("Seen once the site is allowed").Element).ToBeVisibleAsync();
        Assert.True(site.Parley.IsRunning);

        // The website that was allowed before still is.
        await site.OpenPostAsync("/post-1/");
        await Expect(new ThreadDom(site.Page).AllComments).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task SighupReloadsAChangeTheFileWatchCannotSee()
    {
        await using var parley = await ParleyProcess.StartAsync("https://example.tld");
        // A hard link in another folder: writing through it changes the server's file without an event in the
        // folder the server watches, so only the signal can bring the change in.
        var elsewhere = Directory.CreateTempSubdirectory("parley-hup-").FullName;
        try
        {
            var link = Path.Combine(elsewhere, "isso.cfg");
            var ln = await RunAsync("ln", parley.ConfigPath, link);
            Assert.True(ln.ExitCode == 0, ln.Output);
            await File.AppendAllTextAsync(link, "[moderation]\nenabled = true\n");
            Assert.Contains("[moderation]", await File.ReadAllTextAsync(parley.ConfigPath), StringComparison.Ordinal);

            await parley.SignalAsync("HUP");

            await parley.WaitForLineAsync("(SIGHUP); now in effect: [moderation] enabled");
            Assert.True(parley.IsRunning);
            using var client = new HttpClient();
            using var info = await client.GetAsync(new Uri(parley.Origin, "/info"));
            Assert.Equal(HttpStatusCode.OK, info.StatusCode);
            Assert.True(JsonDocument.Parse(await info.Content.ReadAsStringAsync()).RootElement.GetProperty("moderation").GetBoolean());
        }
        finally
        {
            output.WriteLine("--- parley output ---\n" + parley.Output);
            Directory.Delete(elsewhere, recursive: true);
        }
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string file, params string[] args)
    {
        var start = new System.Diagnostics.ProcessStartInfo(file) { RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using var process = System.Diagnostics.Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start");
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, error);
    }
}
