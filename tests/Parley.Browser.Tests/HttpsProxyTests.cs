using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace Parley.Browser.Tests;

/// <summary>
/// Parley on plain http behind Caddy with TLS, as deploy/Caddyfile runs it: the website and the comment server
/// are both https sites of one Caddy, and Chromium talks only to Caddy.
/// </summary>
public sealed class HttpsProxyTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private static readonly Catalogue En = Catalogue.Load("en");

    // ::1 as Parley stores it (anonymised). Caddy's own address toward Parley, 127.0.0.1, would be 127.0.0.0.
    private const string ReaderAddress = "0000:0000:0000:0000:0000:0000:0000:0000";

    [Fact]
    public async Task AReaderPostsOverHttpsThroughCaddyAndParleyUsesTheForwardedSchemeAndAddress()
    {
        var site = CaddyProcess.FreeAddress();
        var comments = CaddyProcess.FreeAddress();
        var commentsOrigin = comments.GetLeftPart(UriPartial.Authority);
        await using var pages = await SitePages.StartAsync();
        // The browser reaches Caddy over IPv6 loopback and Caddy reaches Parley over IPv4 loopback, so the reader's
        // address and the proxy's differ even after anonymisation: the stored one shows whose was taken.
        await using var parley = await ParleyProcess.StartAsync(site.GetLeftPart(UriPartial.Authority),
            new ConfigSetting("server", "public-endpoint", commentsOrigin),
            new ConfigSetting("server", "trusted-proxies", "127.0.0.1"));
        await using var caddy = await CaddyProcess.StartAsync(
            new CaddySite(site, "127.0.0.1:" + pages.Origin.Port.ToString(CultureInfo.InvariantCulture)),
            new CaddySite(comments, "127.0.0.1:" + parley.Origin.Port.ToString(CultureInfo.InvariantCulture)));
        await using var session = await BrowserSession.OpenAsync(browser.Browser, output, ignoreHttpsErrors: true);
        var page = session.Page;
        var dom = new ThreadDom(page);

        pages.AddPage("/post-1/", PageMarkup.Post(comments));
        await page.GotoAsync(new Uri(site, "/post-1/").ToString());
        await Expect(dom.Heading).ToHaveTextAsync(En.Text("no-comments"));
        await dom.MainBox.Text.FillAsync("Posted over https");
        var created = await page.RunAndWaitForResponseAsync(() => dom.MainBox.Submit.ClickAsync(),
            r => r.Request.Method == "POST" && new Uri(r.Url).AbsolutePath == "/new");
        Assert.True(created.Status == 201, Report(session, parley, caddy));
        var id = await CommentIds.IdOfAsync(dom.CommentWithText("Posted over https"));
        var name = id.ToString(CultureInfo.InvariantCulture);

        // The edit cookies are Secure (and so may be SameSite=None) because the public endpoint is https...
        var cookies = await session.Context.CookiesAsync([comments.ToString()]);
        var server = Assert.Single(cookies, c => c.Name == name);
        Assert.True(server.Secure, $"cookie {name} is not Secure");
        Assert.Equal(SameSiteAttribute.None, server.SameSite);
        var copy = Assert.Single(cookies, c => c.Name == "isso-" + name);
        Assert.True(copy.Secure, $"cookie isso-{name} is not Secure");
        // ...and the browser sends them back over https: the reader may edit the comment.
        var comment = dom.Comment(id);
        await comment.Edit.ClickAsync();
        await comment.EditArea.FillAsync("Edited over https");
        await comment.Edit.ClickAsync();
        await Expect(comment.Text).ToHaveTextAsync("Edited over https");

        // Everything the page asked of the comment server went to its https address.
        var toComments = session.RequestedUrls.Select(u => new Uri(u)).Where(u => u.Port == comments.Port).ToList();
        Assert.Contains(toComments, u => u.AbsolutePath == "/new");
        Assert.All(toComments, u => Assert.Equal("https", u.Scheme));

        // Parley sees the request as https at Caddy's address (X-Forwarded-Proto honoured), and its links say so.
        var info = await session.Context.APIRequest.GetAsync(new Uri(comments, "/info").ToString());
        Assert.Equal(commentsOrigin, (await info.JsonAsync())!.Value.GetProperty("host").GetString());
        var logged = await LogLineAsync(parley, $"New comment {name}:");
        Assert.Contains($"{site.GetLeftPart(UriPartial.Authority)}/post-1/#isso-{name}", logged, StringComparison.Ordinal);
        Assert.Contains($"delete: {commentsOrigin}/id/{name}/delete/", logged, StringComparison.Ordinal);

        // The stored address is the reader's, from Caddy's X-Forwarded-For, not Caddy's own.
        Assert.Equal(ReaderAddress, StoredAddress(parley.DatabasePath, id));
        Assert.True(session.Errors.Count == 0, Report(session, parley, caddy));
    }

    private static string StoredAddress(string database, long id)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = database, Mode = SqliteOpenMode.ReadOnly, Pooling = false,
        }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT remote_addr FROM comments WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        return command.ExecuteScalar() as string ?? throw new Xunit.Sdk.XunitException($"comment {id} is not stored");
    }

    // The log line is written by the notification worker, just after the request; wait for it to appear.
    private static async Task<string> LogLineAsync(ParleyProcess parley, string start)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(15))
        {
            var line = parley.Output.Split('\n').FirstOrDefault(l => l.Contains(start, StringComparison.Ordinal));
            if (line is not null)
            {
                return line;
            }
            await Task.Delay(100);
        }
        throw new Xunit.Sdk.XunitException($"no log line with \"{start}\":\n{parley.Output}");
    }

    private static string Report(BrowserSession session, ParleyProcess parley, CaddyProcess caddy) =>
        session.Report() + "\n--- parley ---\n" + parley.Output + "\n--- caddy ---\n" + caddy.Output;
}
