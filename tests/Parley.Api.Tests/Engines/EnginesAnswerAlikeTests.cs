using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Parley.Api.Tests.Support;
using Parley.Core.Config;
using Parley.Tests.Shared;

namespace Parley.Api.Tests.Engines;

/// <summary>
/// Every endpoint that reads or writes the database, on SQLite and on PostgreSQL: one visit of a site, the same requests
/// at the same (manual) times from the same addresses, must get the same answers, byte for byte. The visit also checks
/// what it expects on its own, so both engines going wrong the same way fails too.
/// </summary>
public sealed partial class EnginesAnswerAlikeTests
{
    [GeneratedRegex("\"key\":\"[^\"]*\"")]
    private static partial Regex SignedKey();

    private static ParleyConfig Site(ParleyConfig c) => c with
    {
        General = c.General with { LatestEnabled = true, ReplyNotifications = true, ReplyNotificationsConfirm = true },
        Admin = c.Admin with { Enabled = true, Password = AdminWire.Password },
        Moderation = c.Moderation with { Enabled = true },
        Rss = c.Rss with { Base = "https://blog.example.tld/" },
        Guard = c.Guard with { Enabled = false },
    };

    [SkippableFact]
    public async Task EveryEndpointAnswersTheSameOnSqliteAndPostgres()
    {
        TestPostgres.Require();
        await using var sqlite = await TestApp.StartAsync(Site);
        await using var postgres = await TestApp.StartOnPostgresAsync(Site);

        var onSqlite = await VisitAsync(sqlite);
        var onPostgres = await VisitAsync(postgres);

        Assert.Equal(onSqlite.Count, onPostgres.Count);
        for (var i = 0; i < onSqlite.Count; i++)
        {
            Assert.Equal(onSqlite[i], onPostgres[i]);
        }
    }

    // Isso's sign-in form (POST /login/): the wrong password shows the form again, the right one redirects to the panel.
    private static async Task<Answer> LoginFormAsync(TestApp app, string step, string password)
    {
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        using var request = Wire.Request(HttpMethod.Post, "/login/", ip: "192.0.2.99");
        request.Content = new FormUrlEncodedContent([new("password", password)]);
        using var response = await app.Client.SendAsync(request);
        return new Answer(step, response.StatusCode, response.Content.Headers.ContentType?.ToString(),
            Comparable(app, await response.Content.ReadAsStringAsync()));
    }

    // What differs between the two apps by design: their own address (each listens on a port of its own) and what is
    // signed with the database's own key (moderation keys).
    private static string Comparable(TestApp app, string body) =>
        SignedKey().Replace(body.Replace(app.BaseAddress.ToString().TrimEnd('/'), "http://parley", StringComparison.Ordinal), "\"key\":\"(signed)\"");

    /// <summary>One answer, as compared: the step, its status, its content type and its body.</summary>
    private sealed record Answer(string Step, HttpStatusCode Status, string? ContentType, string Body);

    private static async Task<List<Answer>> VisitAsync(TestApp app)
    {
        var answers = new List<Answer>();
        var tokens = app.Tokens();
        string? ownCookie = null;

        async Task<Answer> Send(string step, HttpMethod method, string path, string? json = null, string ip = "192.0.2.10",
            string? cookie = null, AdminLogin? admin = null, bool compare = true)
        {
            app.Clock.Advance(TimeSpan.FromSeconds(1));
            using var request = admin is null ? Wire.Request(method, path, json, ip, cookie) : AdminWire.Request(method, path, admin, json, ip: ip);
            using var response = await app.Client.SendAsync(request);
            var answer = new Answer(step, response.StatusCode, response.Content.Headers.ContentType?.ToString(),
                await response.Content.ReadAsStringAsync());
            // What is signed with the database's own key (moderation keys, CSRF tokens, sessions) differs by design.
            answers.Add(compare ? answer with { Body = Comparable(app, answer.Body) } : answer with { Body = "" });
            // Ann's comment is the first; an edit signs its new text, so each answer that sets her cookie replaces it.
            if (Wire.SetCookies(response).Any(c => c.StartsWith("1=", StringComparison.Ordinal)))
            {
                ownCookie = Wire.CookiePair(response, "1");
            }
            return answer;
        }

        // A pending comment, then its moderation link publishes it.
        var first = await Send("new", HttpMethod.Post, "/new?uri=%2Fpost%2F",
            """{"text":"First *post*","author":"Ann","email":"ann@example.org","website":"ann.example","title":"A post","notification":1}""");
        Assert.Equal(HttpStatusCode.Accepted, first.Status);
        Assert.Equal("Comment has been activated",
            (await Send("moderate activate", HttpMethod.Post, $"/id/1/activate/{tokens.ModerationKey(1)}")).Body);
        await Send("moderate edit page", HttpMethod.Get, $"/id/1/edit/{tokens.ModerationKey(1)}");

        // Replies and further comments, published through the admin API.
        await Send("new reply", HttpMethod.Post, "/new?uri=%2Fpost%2F", """{"text":"A reply","author":"Bob","parent":1,"email":"bob@example.org"}""", ip: "198.51.100.20");
        await Send("new second", HttpMethod.Post, "/new?uri=%2Fpost%2F", """{"text":"Second","author":"Cy"}""", ip: "203.0.113.30");
        await Send("new other thread", HttpMethod.Post, "/new?uri=%2Fother%2F", """{"text":"Elsewhere","title":"Other"}""", ip: "203.0.113.31");
        await Send("new to delete", HttpMethod.Post, "/new?uri=%2Fpost%2F", """{"text":"Spam"}""", ip: "203.0.113.32");
        var login = await app.SignInAsync();
        await Send("admin session", HttpMethod.Get, "/admin/api/session", admin: login, compare: false);
        var pending = await Send("admin list pending", HttpMethod.Get, "/admin/api/comments?mode=2", admin: login);
        Assert.Equal(4, JsonSerializer.Deserialize<JsonElement>(pending.Body).GetProperty("total").GetInt32());
        await Send("admin activate", HttpMethod.Post, "/admin/api/comments/activate", """{"ids":[2,3,4]}""", admin: login);
        await Send("admin delete", HttpMethod.Post, "/admin/api/comments/delete", """{"ids":[5]}""", admin: login);
        await Send("admin edit", HttpMethod.Put, "/admin/api/comments/3", """{"text":"Second, edited","author":"Cy","website":null,"email":null}""", admin: login);
        await Send("admin list all", HttpMethod.Get, "/admin/api/comments?mode=all&order_by=id&asc=1", admin: login);
        await Send("admin list search", HttpMethod.Get, "/admin/api/comments?mode=all&text=edited", admin: login);

        // The reader's side.
        await Send("like", HttpMethod.Post, "/id/1/like", ip: "198.18.7.1");
        await Send("like again", HttpMethod.Post, "/id/1/like", ip: "198.18.7.1");
        await Send("dislike", HttpMethod.Post, "/id/3/dislike", ip: "198.18.8.1");
        await Send("view", HttpMethod.Get, "/id/1", cookie: ownCookie);
        await Send("view plain", HttpMethod.Get, "/id/1?plain=1", cookie: ownCookie);
        await Send("view foreign", HttpMethod.Get, "/id/2", cookie: ownCookie);
        await Send("edit own", HttpMethod.Put, "/id/1", """{"text":"First post, edited","author":"Ann","website":"ann.example"}""", cookie: ownCookie);
        await Send("edit foreign", HttpMethod.Put, "/id/2", """{"text":"Not mine"}""", cookie: ownCookie);
        var fetch = await Send("fetch", HttpMethod.Get, "/?uri=%2Fpost%2F");
        await Send("fetch newest", HttpMethod.Get, "/?uri=%2Fpost%2F&sort=newest&limit=1&nested_limit=0");
        await Send("fetch upvotes", HttpMethod.Get, "/?uri=%2Fpost%2F&sort=upvotes");
        await Send("fetch replies", HttpMethod.Get, "/?uri=%2Fpost%2F&parent=1");
        await Send("fetch after", HttpMethod.Get, "/?uri=%2Fpost%2F&after=1795000000.5");
        await Send("fetch unknown", HttpMethod.Get, "/?uri=%2Fnothing%2F");
        var count = await Send("count", HttpMethod.Post, "/count", """["/post/","/other/","/nothing/"]""");
        await Send("feed", HttpMethod.Get, "/feed?uri=%2Fpost%2F");
        await Send("latest", HttpMethod.Get, "/latest?limit=10");
        await Send("subscribe", HttpMethod.Post, $"/id/2/subscribe/bob%40example.org/{tokens.SubscribeKey("bob@example.org", 2)}");
        await Send("unsubscribe", HttpMethod.Post, $"/id/1/unsubscribe/ann%40example.org/{tokens.UnsubscribeKey("ann@example.org")}");
        await Send("delete own", HttpMethod.Delete, "/id/1", cookie: ownCookie);
        await Send("fetch after delete", HttpMethod.Get, "/?uri=%2Fpost%2F");
        await Send("moderate delete", HttpMethod.Post, $"/id/4/delete/{tokens.ModerationKey(4)}");
        await Send("count after deletes", HttpMethod.Post, "/count", """["/post/","/other/"]""");
        await Send("admin page", HttpMethod.Get, "/admin/", cookie: null, compare: false);
        answers.Add(await LoginFormAsync(app, "wrong password", "not-it"));
        answers.Add(await LoginFormAsync(app, "login form", AdminWire.Password));
        await Send("admin logout", HttpMethod.Post, "/admin/api/logout", admin: login);
        await Send("admin after logout", HttpMethod.Get, "/admin/api/comments", admin: login);
        await Send("config", HttpMethod.Get, "/config");
        await Send("info", HttpMethod.Get, "/info");

        // What the visit expects, whichever the engine.
        var thread = JsonSerializer.Deserialize<JsonElement>(fetch.Body);
        Assert.Equal(3, thread.GetProperty("total_replies").GetInt32());
        var top = thread.GetProperty("replies")[0];
        Assert.Equal(("<p>First post, edited</p>", 1L), (top.GetProperty("text").GetString(), top.GetProperty("likes").GetInt64()));
        Assert.Equal("<p>A reply</p>", Assert.Single(top.GetProperty("replies").EnumerateArray()).GetProperty("text").GetString());
        Assert.Equal("[3,1,0]", count.Body);
        Assert.Contains("denied", answers.Single(a => a.Step == "like again").Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, answers.Single(a => a.Step == "edit foreign").Status);
        Assert.Equal(HttpStatusCode.OK, answers.Single(a => a.Step == "delete own").Status);
        Assert.Equal(HttpStatusCode.Unauthorized, answers.Single(a => a.Step == "admin after logout").Status);
        Assert.Equal(HttpStatusCode.OK, answers.Single(a => a.Step == "wrong password").Status);
        Assert.Equal(HttpStatusCode.Found, answers.Single(a => a.Step == "login form").Status);
        // Ann's comment stays as a placeholder for its reply; the other thread's only comment is gone.
        Assert.Equal("[2,0]", answers.Single(a => a.Step == "count after deletes").Body);
        return answers;
    }
}
