using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Parley.Api.Tests.Support;

namespace Parley.Api.Tests;

/// <summary>
/// A NUL (or, in a query argument or form field, another control character) on any path that reads one is a 400
/// whose message names the field, never a 500; nothing stored changes.
/// </summary>
public sealed class InvalidCharacterTests
{
    private sealed record Case(HttpRequestMessage Request, string Message, bool AdminShape = false);

    public static TheoryData<string> Cases() =>
    [
        "fetch uri", "fetch limit", "fetch control character", "new uri", "latest limit", "feed uri", "config argument name",
        "count body", "new text", "new author", "edit text", "preview text",
        "login form", "login multipart form", "moderation link form", "unsubscribe link address",
        "admin list author", "admin page query", "admin login body", "admin edit text",
    ];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task IsRefusedWith400NamingTheFieldAndNothingStoredChanges(string name)
    {
        await using var app = await TestApp.StartAsync(c => c with
        {
            Admin = c.Admin with { Enabled = true, Password = AdminWire.Password },
            Guard = c.Guard with { Enabled = false },
            General = c.General with { LatestEnabled = true },
            Rss = c.Rss with { Base = "https://example.tld/" },
        });
        var comment = await app.CommentAsync("/t", email: "ann@example.org");
        var login = await app.SignInAsync();
        var before = Snapshot(app);
        var test = Build(name, app, comment, login);

        using var response = await app.Client.SendAsync(test.Request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = await AdminWire.MessageAsync(response);
        Assert.Equal(test.AdminShape ? test.Message : "400 Bad Request: " + test.Message, message);
        Assert.Equal(before, Snapshot(app));
    }

    [Fact]
    public async Task ALoginFormWithoutThemStillSignsIn()
    {
        await using var app = await AdminWire.StartAsync();
        var request = Wire.Request(HttpMethod.Post, "/login/");
        request.Content = new FormUrlEncodedContent([new("password", AdminWire.Password), new("note", "tab\tand\r\nlines")]);
        using var response = await app.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
    }

    private static IReadOnlyList<string> Snapshot(TestApp app) =>
        DatabaseSnapshot.Read(app.DbPath, "threads", "comments", "parley_admin_sessions");

    private static Case Build(string name, TestApp app, Created comment, AdminLogin login)
    {
        var key = app.Tokens().ModerationKey(comment.Id);
        return name switch
        {
            "fetch uri" => Public(HttpMethod.Get, "/?uri=%2Ft%00", "query argument 'uri' contains an invalid character (U+0000)"),
            "fetch limit" => Public(HttpMethod.Get, "/?uri=%2Ft&limit=1%00", "query argument 'limit' contains an invalid character (U+0000)"),
            "fetch control character" => Public(HttpMethod.Get, "/?uri=%2Ft%1B", "query argument 'uri' contains an invalid character (U+001B)"),
            "new uri" => Public(HttpMethod.Post, "/new?uri=%2Fu%00", "query argument 'uri' contains an invalid character (U+0000)",
                """{"text":"fine","title":"T"}"""),
            "latest limit" => Public(HttpMethod.Get, "/latest?limit=%0010", "query argument 'limit' contains an invalid character (U+0000)"),
            "feed uri" => Public(HttpMethod.Get, "/feed?uri=%2Ft%00", "query argument 'uri' contains an invalid character (U+0000)"),
            "config argument name" => Public(HttpMethod.Get, "/config?a%00b=1", "a query argument name contains an invalid character (U+0000)"),
            "count body" => Public(HttpMethod.Post, "/count", "field '[1]' contains an invalid character (U+0000)", """["/t","/t\u0000"]"""),
            "new text" => Public(HttpMethod.Post, "/new?uri=%2Ft", "field 'text' contains an invalid character (U+0000)",
                """{"text":"a\u0000b","title":"T"}"""),
            "new author" => Public(HttpMethod.Post, "/new?uri=%2Ft", "field 'author' contains an invalid character (U+0000)",
                """{"text":"fine","author":"\u0000"}"""),
            "edit text" => Public(HttpMethod.Put, $"/id/{comment.Id}", "field 'text' contains an invalid character (U+0000)",
                """{"text":"edited\u0000"}""", comment.Cookie),
            "preview text" => Public(HttpMethod.Post, "/preview", "field 'text' contains an invalid character (U+0000)", """{"text":"\u0000"}"""),
            "login form" => Public(HttpMethod.Post, "/login/", "form field 'password' contains an invalid character (U+0000)",
                form: new StringContent("password=s3%00cret", Encoding.ASCII, "application/x-www-form-urlencoded")),
            "login multipart form" => Public(HttpMethod.Post, "/login/", "form field 'password' contains an invalid character (U+0000)",
                form: new MultipartFormDataContent { { new StringContent("s3\0cret"), "password" } }),
            "moderation link form" => Public(HttpMethod.Post, $"/id/{comment.Id}/delete/{key}", "form field 'confirm' contains an invalid character (U+0007)",
                form: new StringContent("confirm=yes%07", Encoding.ASCII, "application/x-www-form-urlencoded")),
            "unsubscribe link address" => Public(HttpMethod.Get, $"/id/{comment.Id}/unsubscribe/ann%2540example.org%2500/{app.Tokens().UnsubscribeKey("ann@example.org")}",
                "link part 'email' contains an invalid character (U+0000)"),
            "admin page query" => Public(HttpMethod.Get, "/admin/?page=%00", "query argument 'page' contains an invalid character (U+0000)", cookie: login.Cookie),
            "admin list author" => new(AdminWire.Request(HttpMethod.Get, "/admin/api/comments?mode=all&author=%00", login),
                "query argument 'author' contains an invalid character (U+0000)", AdminShape: true),
            "admin login body" => new(AdminWire.Request(HttpMethod.Post, "/admin/api/login", null, """{"password":"s3\u0000cret"}"""),
                "field 'password' contains an invalid character (U+0000)", AdminShape: true),
            "admin edit text" => new(AdminWire.Request(HttpMethod.Put, $"/admin/api/comments/{comment.Id}", login, """{"text":"\u0000"}"""),
                "field 'text' contains an invalid character (U+0000)", AdminShape: true),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
        };
    }

    private static Case Public(HttpMethod method, string path, string message, string? json = null, string? cookie = null, HttpContent? form = null)
    {
        var request = Wire.Request(method, path, json, cookie: cookie);
        if (form is not null)
        {
            request.Content = form;
        }
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return new Case(request, message);
    }
}
