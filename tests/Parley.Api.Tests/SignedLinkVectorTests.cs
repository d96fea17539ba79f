using System.Net;
using Microsoft.Data.Sqlite;
using Parley.Api.Tests.Support;

namespace Parley.Api.Tests;

/// <summary>Links minted by Isso with the key and tokens of spec/signing.md §1.5 keep working.</summary>
public sealed class SignedLinkVectorTests
{
    private const string Secret = "4f1c2e3d4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a6978";
    private static readonly DateTimeOffset Signed = DateTimeOffset.FromUnixTimeSeconds(1700000000);

    // The database is created with the spec's session key, as an Isso database holding it would be.
    private static void WithSecret(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"CREATE TABLE preferences (key VARCHAR PRIMARY KEY, value VARCHAR); INSERT INTO preferences VALUES ('session-key', '{Secret}')";
        command.ExecuteNonQuery();
    }

    private static async Task<TestApp> StartAsync()
    {
        var app = await TestApp.StartAsync(c => c with { Moderation = c.Moderation with { Enabled = true } }, WithSecret);
        app.Clock.Now = Signed.AddDays(30);
        return app;
    }

    [Fact]
    public async Task ActivateLinkFromTheVectorsPublishesCommentOne()
    {
        await using var app = await StartAsync();
        await app.CommentAsync("/v", email: "alice@example.com");
        using var response = await app.PostAsync("/id/1/activate/MQ.ZVPxAA.dismnKwmHObkW15tqOvLATppaSo", "");
        Assert.Equal("Comment has been activated", await response.Content.ReadAsStringAsync());
        Assert.Equal(Core.Comments.CommentMode.Published, (await app.Store.GetCommentAsync(1))!.Mode);
    }

    [Theory]
    [InlineData("alice@example.com", "alice%40example.com", "WyJ1bnN1YnNjcmliZSIsImFsaWNlQGV4YW1wbGUuY29tIl0.ZVPxAA.FSX_WY8u7-wm3qd6EWENotir9DE")]
    [InlineData("jürgen@example.org", "j%C3%BCrgen%40example.org", "WyJ1bnN1YnNjcmliZSIsImrDvHJnZW5AZXhhbXBsZS5vcmciXQ.ZVPxAA.V1W0KlhMxeNSKNw4tjJWvHB7v7k")]
    public async Task UnsubscribeLinksFromTheVectorsUnsubscribe(string email, string quoted, string key)
    {
        await using var app = await StartAsync();
        await app.CommentAsync("/v", email: email);
        using var response = await app.GetAsync($"/id/1/unsubscribe/{quoted}/{key}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, (await app.Store.GetCommentAsync(1))!.Notification);
    }

    [Fact]
    public async Task CompressedUnsubscribeKeyForALongAddressIsAccepted()
    {
        await using var app = await StartAsync();
        var email = new string('a', 200) + "@x.org";
        await app.CommentAsync("/v", email: email);
        using var response = await app.GetAsync(
            $"/id/1/unsubscribe/{Uri.EscapeDataString(email)}/.eJyLVirNKy5NKk4uykxKVdJRShwmwKFCL78oXSkWAOcDVAg.ZVPxAA.ThcHL8GI4pyrnm_jB2XnvriEl4E");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, (await app.Store.GetCommentAsync(1))!.Notification);
    }

    [Fact]
    public async Task ExpiredLinksGetAClearErrorAndChangeNothing()
    {
        await using var app = await StartAsync();
        await app.CommentAsync("/v", email: "alice@example.com");
        app.Clock.Now = Signed.AddSeconds(4294967296L + 1);
        using var activate = await app.PostAsync("/id/1/activate/MQ.ZVPxAA.dismnKwmHObkW15tqOvLATppaSo", "");
        Assert.Equal(HttpStatusCode.Forbidden, activate.StatusCode);
        Assert.Contains("This link has expired", await activate.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var unsubscribe = await app.GetAsync(
            "/id/1/unsubscribe/alice%40example.com/WyJ1bnN1YnNjcmliZSIsImFsaWNlQGV4YW1wbGUuY29tIl0.ZVPxAA.FSX_WY8u7-wm3qd6EWENotir9DE");
        Assert.Equal(HttpStatusCode.Forbidden, unsubscribe.StatusCode);
        Assert.Contains("This link has expired", await unsubscribe.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var comment = (await app.Store.GetCommentAsync(1))!;
        Assert.Equal(Core.Comments.CommentMode.Pending, comment.Mode);
        Assert.Equal(1, comment.Notification);
    }

    [Fact]
    public async Task AForgedLinkIsRefusedWithoutSayingExpired()
    {
        await using var app = await StartAsync();
        await app.CommentAsync("/v");
        app.Clock.Now = Signed.AddSeconds(4294967296L + 1);
        using var forged = await app.PostAsync("/id/1/activate/MQ.ZVPxAA.dismnKwmHObkW15tqOvLATppaSX", "");
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.DoesNotContain("expired", await forged.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(Core.Comments.CommentMode.Pending, (await app.Store.GetCommentAsync(1))!.Mode);
    }
}
