using System.Net;
using System.Text;
using System.Text.Json;
using Parley.Api.Tests.Support;
using Parley.Core.Security;
using Parley.Tests.Shared;
using Xunit.Abstractions;
using static Parley.Api.Tests.Deployment.ServerProcessWire;

namespace Parley.Api.Tests.Durability;

/// <summary>
/// Two Parley processes on one PostgreSQL database behind a round-robin balancer (<see cref="LoadBalancedSite"/>): every
/// request may land on either, and readers, commenters, moderators and the admin cannot tell there are two.
/// </summary>
public sealed class LoadBalancedTests(ITestOutputHelper output)
{
    private const string Password = "balanced-s3cret";

    [SkippableFact]
    public async Task EachWriteIsSeenByTheNextReadWhicheverInstanceServesIt()
    {
        TestPostgres.Require();
        await using var site = await LoadBalancedSite.StartAsync();
        var expected = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            var text = $"comment {i}";
            var (status, _) = await NewAsync(site.Client, "/rw/", text, $"10.2.{i}.1");
            Assert.True(status == HttpStatusCode.Created, site.Logs);
            expected.Add(text);
            // Round-robin sends this read to the other instance than the write (and the next write back).
            Assert.Equal(expected, await TextsAsync(site.Client, "/rw/"));
            using var count = await site.Client.PostAsync("/count", Json("""["/rw/"]"""));
            Assert.Equal($"[{i + 1}]", await count.Content.ReadAsStringAsync());
        }
        var servedBy = await Task.WhenAll(site.Servers.Select(s => CommentsAsync(Client(s), "/rw/")));
        Assert.All(servedBy, comments => Assert.Equal(20, comments.Count));
    }

    [SkippableFact]
    public async Task VotesAddUpAndTheGuardHoldsAcrossInstances()
    {
        TestPostgres.Require();
        await using var site = await LoadBalancedSite.StartAsync(
            ("guard", "enabled", "true"), ("guard", "ratelimit", "2"), ("guard", "direct-reply", "1"));
        var (status, created) = await NewAsync(site.Client, "/v/", "Vote on me", "192.0.2.1");
        Assert.Equal(HttpStatusCode.Created, status);
        var id = created.GetProperty("id").GetInt64();

        // 60 networks like at once, each twice: one of each pair counts.
        var likes = await Task.WhenAll(Enumerable.Range(0, 120).Select(n => LikeAsync(site.Client, id, $"10.3.{n % 60}.5")));
        output.WriteLine($"{likes.Length} likes from 60 networks through the balancer");
        Assert.Equal(60, likes.Count(l => !l.TryGetProperty("message", out _)));
        Assert.Equal(60, (await CommentsAsync(site.Client, "/v/")).Single().GetProperty("likes").GetInt32());

        // Six comments from one address at once (each on a thread of its own): the rate limit lets two through, whichever
        // instance took them.
        var posts = await Task.WhenAll(Enumerable.Range(0, 6).Select(n => NewAsync(site.Client, $"/r/{n}/", $"rate {n}", "198.51.100.9")));
        Assert.Equal(2, posts.Count(p => p.Status == HttpStatusCode.Created));
        Assert.All(posts.Where(p => p.Status != HttpStatusCode.Created), p =>
            Assert.StartsWith("403 Forbidden: ratelimit exceeded", p.Body.GetProperty("message").GetString(), StringComparison.Ordinal));

        // Direct replies (one top-level comment per address and thread here): the second, sent to the other instance, is refused.
        var first = await NewAsync(site.Client, "/d/", "direct 0", "203.0.113.77");
        var second = await NewAsync(site.Client, "/d/", "direct 1", "203.0.113.77");
        Assert.Equal(HttpStatusCode.Created, first.Status);
        Assert.Equal(HttpStatusCode.Forbidden, second.Status);
        Assert.Contains("1 direct responses to /d/", second.Body.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task OwnershipCookiesModerationLinksAndTheAdminWorkOnEitherInstance()
    {
        TestPostgres.Require();
        await using var site = await LoadBalancedSite.StartAsync(
            ("moderation", "enabled", "true"), ("admin", "enabled", "true"), ("admin", "password", Password));
        var sessionKey = await site.ScalarAsync<string>("SELECT value FROM preferences WHERE key = 'session-key'");
        var tokens = new CommentTokens(new TokenSigner(sessionKey, TimeProvider.System));

        // A comment waits for moderation; its author may edit it on both instances with the cookie one of them set.
        using var posted = await Send(site, HttpMethod.Post, "/new?uri=%2Fm%2F", """{"text":"Pending","title":"M"}""");
        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        var id = JsonDocument.Parse(await posted.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt64();
        var cookie = Wire.CookiePair(posted, id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        for (var edit = 0; edit < 2; edit++)
        {
            using var edited = await Send(site, HttpMethod.Put, $"/id/{id}", $$"""{"text":"Pending, edit {{edit}}"}""", cookie);
            Assert.True(edited.StatusCode == HttpStatusCode.OK, await edited.Content.ReadAsStringAsync() + site.Logs);
            cookie = Wire.CookiePair(edited, id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        // The moderation link (signed with the shared key) publishes it.
        using (var activate = await Send(site, HttpMethod.Post, $"/id/{id}/activate/{tokens.ModerationKey(id)}", ""))
        {
            Assert.Equal("Comment has been activated", await activate.Content.ReadAsStringAsync());
        }
        Assert.Equal(["Pending, edit 1"], await TextsAsync(site.Client, "/m/"));

        // The admin signs in once; the session and its CSRF token hold on both instances, and signing out ends them on both.
        using var signIn = await Send(site, HttpMethod.Post, "/admin/api/login", $$"""{"password":"{{Password}}"}""");
        Assert.Equal(HttpStatusCode.NoContent, signIn.StatusCode);
        var session = Wire.CookiePair(signIn, "admin-session");
        using var state = await Send(site, HttpMethod.Get, "/admin/api/session", cookie: session);
        var csrf = JsonDocument.Parse(await state.Content.ReadAsStringAsync()).RootElement.GetProperty("csrf").GetString()!;
        for (var n = 0; n < 2; n++)
        {
            using var second = await Send(site, HttpMethod.Post, "/new?uri=%2Fm%2F", $$"""{"text":"Second {{n}}"}""", ip: $"10.4.{n}.1");
            Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        }
        for (var n = 0; n < 2; n++)
        {
            using var list = await Send(site, HttpMethod.Get, "/admin/api/comments?mode=2", cookie: session, csrf: csrf);
            Assert.Equal(2, JsonDocument.Parse(await list.Content.ReadAsStringAsync()).RootElement.GetProperty("total").GetInt32());
        }
        using (var activated = await Send(site, HttpMethod.Post, "/admin/api/comments/activate", $$"""{"ids":[{{id + 1}}]}""", session, csrf: csrf))
        {
            Assert.Equal(HttpStatusCode.OK, activated.StatusCode);
        }
        using (var deleted = await Send(site, HttpMethod.Post, "/admin/api/comments/delete", $$"""{"ids":[{{id + 2}}]}""", session, csrf: csrf))
        {
            Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        }
        Assert.Equal(["Pending, edit 1", "Second 0"], await TextsAsync(site.Client, "/m/"));
        using (var signOut = await Send(site, HttpMethod.Post, "/admin/api/logout", null, session, csrf: csrf))
        {
            Assert.Equal(HttpStatusCode.NoContent, signOut.StatusCode);
        }
        for (var n = 0; n < 2; n++)
        {
            using var after = await Send(site, HttpMethod.Get, "/admin/api/comments", cookie: session, csrf: csrf);
            Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        }

        // The author deletes the comment with the cookie from the last edit.
        using (var delete = await Send(site, HttpMethod.Delete, $"/id/{id}", null, cookie))
        {
            Assert.Equal(HttpStatusCode.OK, delete.StatusCode);
        }
        Assert.Equal(["Second 0"], await TextsAsync(site.Client, "/m/"));
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static Task<HttpResponseMessage> Send(LoadBalancedSite site, HttpMethod method, string path, string? json = null,
        string? cookie = null, string ip = "192.0.2.50", string? csrf = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = Json(json);
        }
        request.Headers.Add("X-Forwarded-For", ip);
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }
        if (csrf is not null)
        {
            request.Headers.Add("X-Parley-CSRF", csrf);
        }
        return site.Client.SendAsync(request);
    }
}
