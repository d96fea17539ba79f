using System.Net;
using Xunit.Abstractions;

namespace Parley.Browser.Tests;

/// <summary>The server as `dotnet publish src/Parley` lays it out serves every client file, and comments get posted through it.</summary>
public sealed class PublishedServerTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    // What Isso's client (spec/client.md §4) does, request by request: XMLHttpRequest with credentials and a JSON
    // Content-Type on every call, /config, the thread, POST /new, X-Set-Cookie copied into document.cookie, then an
    // owner's edit that only works if that cookie reaches the server.
    private const string IssoRequestSequence = """
        <section id="isso-thread"></section>
        <pre id="log"></pre>
        <script>
        const endpoint = document.currentScript.dataset.endpoint;
        function call(method, path, body) {
          return new Promise((resolve, reject) => {
            const xhr = new XMLHttpRequest();
            xhr.open(method, endpoint + path, true);
            xhr.withCredentials = true;
            xhr.setRequestHeader('Content-Type', 'application/json');
            xhr.onreadystatechange = () => {
              if (xhr.readyState !== 4) return;
              if (xhr.status === 0) { reject(new Error(method + ' ' + path + ' failed')); return; }
              const cookie = xhr.getResponseHeader('X-Set-Cookie');
              if (cookie && cookie.match(/^isso-/)) document.cookie = cookie;
              let body = null;
              try { body = JSON.parse(xhr.responseText); } catch (e) { body = xhr.responseText; }
              resolve({ status: xhr.status, body });
            };
            xhr.send(body === undefined ? null : JSON.stringify(body));
          });
        }
        (async () => {
          const log = (line) => { document.getElementById('log').textContent += line + '\n'; };
          const config = await call('GET', '/config');
          log('config ' + config.status);
          const uri = encodeURIComponent(location.pathname);
          log('fetch ' + (await call('GET', '/?uri=' + uri + '&sort=newest&offset=0')).status);
          const created = await call('POST', '/new?uri=' + uri, { author: 'Isso reader', email: null, website: null,
            text: 'Posted the way Isso\'s client posts', parent: null, title: 'A post', notification: 0 });
          log('new ' + created.status + ' ' + (created.body.hash ? 'hash' : 'no-hash'));
          const edited = await call('PUT', '/id/' + created.body.id, { text: 'Edited with the cookie from X-Set-Cookie' });
          log('edit ' + edited.status);
        })().catch((e) => { document.getElementById('log').textContent += 'error ' + e.message + '\n'; });
        </script>
        """;

    [Fact]
    public async Task APublishedServerServesTheClientAndBothClientsPostThroughIt()
    {
        using var published = await PublishedParley.PublishAsync();
        Assert.True(File.Exists(Path.Combine(published.Folder, "wwwroot", "js", "embed.min.js")), "the publish output has no client");
        await using var site = await TestSite.StartWithServerAsync(browser, output, published.Dll);

        using (var http = new HttpClient { BaseAddress = site.Parley.Origin })
        {
            foreach (var (path, type) in new[]
            {
                ("/js/embed.min.js", "text/javascript"), ("/js/count.min.js", "text/javascript"), ("/js/embed.dev.js", "text/javascript"),
                ("/js/count.dev.js", "text/javascript"), ("/css/isso.css", "text/css"), ("/js/admin.js", "text/javascript"),
                ("/js/solver.min.js", "text/javascript"),
            })
            {
                using var response = await http.GetAsync(path);
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode}");
                Assert.Equal(type, response.Content.Headers.ContentType?.MediaType);
                Assert.True((await response.Content.ReadAsByteArrayAsync()).Length > 100, $"{path} is nearly empty");
            }
        }

        // Parley's own client.
        await site.OpenPostAsync("/post-1/");
        var dom = new ThreadDom(site.Page);
        await dom.MainBox.Text.FillAsync("Posted through the published server");
        await dom.MainBox.Submit.ClickAsync();
        await Expect(dom.CommentWithText("Posted through the published server").Element).ToBeVisibleAsync();

        // Isso's client's request sequence, from the site's origin.
        var page = site.Pages.AddPage("/isso-post/", $"<!doctype html><title>A post</title><body>"
            + IssoRequestSequence.Replace("<script>", $"<script data-endpoint=\"{site.Parley.OriginText}\">", StringComparison.Ordinal) + "</body>");
        await site.Page.GotoAsync(page.ToString());
        await Expect(site.Page.Locator("#log")).ToHaveTextAsync("config 200\nfetch 200\nnew 201 hash\nedit 200\n");

        Assert.Equal(["Edited with the cookie from X-Set-Cookie"], (await site.Api.CommentsAsync("/isso-post/")).Select(c => c.Text));
        Assert.Equal(["Posted through the published server"], (await site.Api.CommentsAsync("/post-1/")).Select(c => c.Text));
    }
}
