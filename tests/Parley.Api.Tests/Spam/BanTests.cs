using System.Net;
using System.Text.Json;
using Parley.Api.Tests.Support;

namespace Parley.Api.Tests.Spam;

/// <summary>Bans from the admin API: an address range or an e-mail, refused or held, listed and lifted.</summary>
public sealed class BanTests
{
    private static async Task<TestApp> StartAsync() => await TestApp.StartAsync(c => c with
    {
        Admin = c.Admin with { Enabled = true, Password = AdminWire.Password },
        Guard = c.Guard with { Enabled = false },
    });

    private static string Comment(string text, string? email = null) =>
        JsonSerializer.Serialize(new { text, title = "A page", email });

    private static async Task<HttpStatusCode> PostAsync(TestApp app, string text, string ip, string? email = null)
    {
        using var response = await app.PostNewAsync("/post/", Comment(text, email), ip);
        return response.StatusCode;
    }

    private static async Task<JsonElement> BanAsync(TestApp app, AdminLogin login, long comment, string kind, string action)
    {
        using var response = await app.AdminAsync(HttpMethod.Post, "/admin/api/bans", login, JsonSerializer.Serialize(new { comment, kind, action }));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await Wire.JsonOf(response);
    }

    [Fact]
    public async Task ABannedRangeIsRefusedABannedEmailHeldAndLiftingABanLetsThemBackIn()
    {
        await using var app = await StartAsync();
        var login = await app.SignInAsync();
        var spammer = await app.CommentAsync("/post/", "First spam", ip: "203.0.113.7", email: "spam@example.org");

        var range = await BanAsync(app, login, spammer.Id, "address", "refuse");
        Assert.Equal(("address", "203.0.113.0", "refuse"), (range.GetProperty("kind").GetString(), range.GetProperty("value").GetString(), range.GetProperty("action").GetString()));
        // The same /24 is refused; another range is not.
        Assert.Equal(HttpStatusCode.Forbidden, await PostAsync(app, "Second spam", "203.0.113.99"));
        Assert.Equal(HttpStatusCode.Created, await PostAsync(app, "A reader elsewhere", "198.51.100.4"));

        var email = await BanAsync(app, login, spammer.Id, "email", "hold");
        Assert.Equal(HttpStatusCode.Accepted, await PostAsync(app, "From a new address, same mail", "192.0.2.50", "spam@example.org"));
        var held = (await app.ListAsync(login, "mode=2")).GetProperty("comments")[0];
        Assert.Equal("banned e-mail spam@example.org", held.GetProperty("held").GetString());

        using (var list = await app.AdminAsync(HttpMethod.Get, "/admin/api/bans", login))
        {
            var bans = (await Wire.JsonOf(list)).GetProperty("bans").EnumerateArray().Select(b => b.GetProperty("id").GetInt64()).ToList();
            Assert.Equal([email.GetProperty("id").GetInt64(), range.GetProperty("id").GetInt64()], bans);
        }
        using (var lift = await app.AdminAsync(HttpMethod.Delete, $"/admin/api/bans/{range.GetProperty("id").GetInt64()}", login))
        {
            Assert.Equal(HttpStatusCode.NoContent, lift.StatusCode);
        }
        Assert.Equal(HttpStatusCode.Created, await PostAsync(app, "Back after the ban", "203.0.113.99"));
        using var again = await app.AdminAsync(HttpMethod.Delete, $"/admin/api/bans/{range.GetProperty("id").GetInt64()}", login);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);

        // Banning again changes the action in place.
        var refused = await BanAsync(app, login, spammer.Id, "email", "refuse");
        Assert.Equal(email.GetProperty("id").GetInt64(), refused.GetProperty("id").GetInt64());
        Assert.Equal(HttpStatusCode.Forbidden, await PostAsync(app, "Refused now", "192.0.2.51", "spam@example.org"));
    }

    [Theory]
    [InlineData("""{"comment":1,"kind":"ip","action":"refuse"}""", 400, "kind must be address or email")]
    [InlineData("""{"comment":1,"kind":"address","action":"delete"}""", 400, "action must be refuse or hold")]
    [InlineData("""{"kind":"address","action":"refuse"}""", 400, "comment must be the id")]
    [InlineData("""{"comment":999,"kind":"address","action":"refuse"}""", 404, "comment 999 does not exist")]
    [InlineData("""{"comment":1,"kind":"email","action":"hold"}""", 400, "comment 1 has no e-mail to ban")]
    public async Task ABadBanIsRefusedWithAMessage(string body, int status, string message)
    {
        await using var app = await StartAsync();
        var login = await app.SignInAsync();
        await app.CommentAsync("/post/", "Without an e-mail");
        using var response = await app.AdminAsync(HttpMethod.Post, "/admin/api/bans", login, body);
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Contains(message, await AdminWire.MessageAsync(response), StringComparison.Ordinal);
    }
}
