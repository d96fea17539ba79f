using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Parley.Api.Tests.Support;
using Parley.Core.Config;
using Parley.Core.Spam;

namespace Parley.Api.Tests.Spam;

/// <summary><c>[spam]</c> over the API: proof of work, the honeypot and the word and link rules.</summary>
public sealed class SpamTests
{
    private static Func<ParleyConfig, ParleyConfig> With(SpamConfig spam, string? dbPath = null) => c => c with
    {
        Spam = spam,
        Guard = c.Guard with { Enabled = false },
        General = c.General with { DbPath = dbPath ?? c.General.DbPath },
    };

    /// <summary>GET /challenge, solved as Parley's client does, as the payload POST /new takes under "altcha".</summary>
    public static Task<string> SolveAsync(TestApp app) => SolveAsync(app.Client);

    /// <summary>The same through any client of a server (a server process too).</summary>
    public static async Task<string> SolveAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/challenge");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var c = await Wire.JsonOf(response);
        var salt = c.GetProperty("salt").GetString()!;
        var target = c.GetProperty("challenge").GetString()!;
        var number = Enumerable.Range(0, c.GetProperty("maxnumber").GetInt32() + 1).First(n =>
            Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(salt + n.ToString(CultureInfo.InvariantCulture)))) == target);
        return Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(new
        {
            algorithm = "SHA-256", challenge = target, number, salt, signature = c.GetProperty("signature").GetString(), took = 5,
        }));
    }

    private static string Body(string text, string? altcha = null, string? subject = null, string? author = null) =>
        JsonSerializer.Serialize(new Dictionary<string, object?>
            { ["text"] = text, ["title"] = "A page", ["author"] = author, ["altcha"] = altcha, ["subject"] = subject }
            .Where(p => p.Value is not null).ToDictionary());

    private static async Task<(HttpStatusCode Status, string Body)> PostAsync(TestApp app, string body, string uri = "/post/")
    {
        using var response = await app.PostNewAsync(uri, body);
        // Isso answers a refusal with an HTML page: its text, unescaped.
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task WithProofOfWorkASolvedChallengePostsOnceAndNothingElsePosts()
    {
        await using var app = await TestApp.StartAsync(With(new SpamConfig { ProofOfWork = true, ProofOfWorkCost = 2000 }));
        var config = (await Wire.JsonOf(await app.GetAsync("/config"))).GetProperty("config");
        Assert.True(config.GetProperty("proof-of-work").GetBoolean());

        var (status, body) = await PostAsync(app, Body("No proof at all"));
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains("post with Parley's client (Isso's cannot do it)", body, StringComparison.Ordinal);

        var solved = await SolveAsync(app);
        Assert.Equal(HttpStatusCode.Created, (await PostAsync(app, Body("Proof of work done", solved))).Status);
        (status, body) = await PostAsync(app, Body("The same proof again", solved));
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains("was used already", body, StringComparison.Ordinal);
        (status, body) = await PostAsync(app, Body("A made-up proof", Convert.ToBase64String("{\"x\":1}"u8.ToArray())));
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains("not an ALTCHA solution", body, StringComparison.Ordinal);

        // Expired: the clock moves past its lifetime between solving and posting.
        var late = await SolveAsync(app);
        app.Clock.Advance(ProofOfWork.Lifetime + TimeSpan.FromMinutes(1));
        (status, body) = await PostAsync(app, Body("Too late now", late));
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains("has expired", body, StringComparison.Ordinal);
        Assert.Single(await app.PublishedIdsAsync("/post/"));
    }

    [Fact]
    public async Task AChallengeSpentThroughOneServerIsRefusedByAnotherOnTheSameDatabase()
    {
        var directory = Directory.CreateTempSubdirectory("parley-spam-").FullName;
        try
        {
            var dbPath = Path.Combine(directory, "comments.db");
            var spam = new SpamConfig { ProofOfWork = true, ProofOfWorkCost = 500 };
            await using var one = await TestApp.StartAsync(With(spam, dbPath));
            await using var two = await TestApp.StartAsync(With(spam, dbPath));
            var solved = await SolveAsync(one);
            // Either server accepts a challenge the other made: the key comes from the database.
            Assert.Equal(HttpStatusCode.Created, (await PostAsync(two, Body("Made by one, posted to two", solved))).Status);
            var (status, body) = await PostAsync(one, Body("Posted again to one", solved));
            Assert.Equal(HttpStatusCode.Forbidden, status);
            Assert.Contains("was used already", body, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task AFilledHoneypotIsRefusedWithoutSayingWhyAndAnEmptyOnePosts()
    {
        await using var app = await TestApp.StartAsync(With(new SpamConfig { Honeypot = true }));
        Assert.True((await Wire.JsonOf(await app.GetAsync("/config"))).GetProperty("config").GetProperty("honeypot").GetBoolean());
        var (status, body) = await PostAsync(app, Body("A bot fills everything", subject: "Great offer"));
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains(SpamRules.RefusedMessage, body, StringComparison.Ordinal);
        Assert.DoesNotContain("subject", body, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.Created, (await PostAsync(app, Body("A reader leaves it empty", subject: ""))).Status);
        Assert.Single(await app.PublishedIdsAsync("/post/"));
    }

    [Fact]
    public async Task BlockedWordsAreRefusedSuspectWordsAndLinkFarmsWaitForModerationEvenWithModerationOff()
    {
        await using var app = await TestApp.StartAsync(With(new SpamConfig
        {
            BlockedWords = [WordRule.TryParse("casino", out _)!],
            SuspectWords = [WordRule.TryParse("/crypto\\w*/", out _)!],
            MaxLinks = 2,
        }));
        var (status, body) = await PostAsync(app, Body("Best online CASINO bonus"));
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains(SpamRules.RefusedMessage, body, StringComparison.Ordinal);
        Assert.DoesNotContain("casino", body, StringComparison.OrdinalIgnoreCase);

        Assert.Equal(HttpStatusCode.Accepted, (await PostAsync(app, Body("Cryptocurrency is the future"))).Status);
        Assert.Equal(HttpStatusCode.Accepted, (await PostAsync(app, Body("https://a.example https://b.example https://c.example"))).Status);
        Assert.Equal(HttpStatusCode.Created, (await PostAsync(app, Body("Two links: https://a.example and https://b.example"))).Status);
        Assert.Single(await app.PublishedIdsAsync("/post/"));
    }

    [Fact]
    public async Task WithProofOfWorkOffThereIsNoChallengeAndIssosConfigIsUnchanged()
    {
        await using var app = await TestApp.StartAsync();
        using var response = await app.GetAsync("/challenge");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("[spam] proof-of-work", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var config = (await Wire.JsonOf(await app.GetAsync("/config"))).GetProperty("config");
        Assert.False(config.TryGetProperty("proof-of-work", out _));
        Assert.False(config.TryGetProperty("honeypot", out _));
    }
    [Fact]
    public async Task AHeldCommentSaysWhyInTheAdminListingAndAnOwnersEditCannotBringInWhatARuleStops()
    {
        await using var app = await TestApp.StartAsync(c => With(new SpamConfig
        {
            SuspectWords = [WordRule.TryParse("crypto", out _)!],
            MaxLinks = 1,
        })(c) with { Admin = c.Admin with { Enabled = true, Password = AdminWire.Password } });
        using (var held = await app.PostNewAsync("/post/", Body("Buy crypto today")))
        {
            Assert.Equal(HttpStatusCode.Accepted, held.StatusCode);
        }
        var mine = await app.CommentAsync("/post/", "A plain comment");
        var login = await app.SignInAsync();
        var listing = (await app.ListAsync(login, "mode=all&order_by=id&asc=1")).GetProperty("comments").EnumerateArray().ToList();
        Assert.Equal("suspect word: crypto", listing[0].GetProperty("held").GetString());
        Assert.False(listing[1].TryGetProperty("held", out _));

        using var edit = await app.SendAsync(HttpMethod.Put, $"/id/{mine.Id}", """{"text":"Now with https://a.example and https://b.example"}""", cookie: mine.Cookie);
        Assert.Equal(HttpStatusCode.Forbidden, edit.StatusCode);
        Assert.Contains(SpamRules.RefusedMessage, WebUtility.HtmlDecode(await edit.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal("A plain comment", (await app.Store.GetCommentAsync(mine.Id))!.Text);
        using var fine = await app.SendAsync(HttpMethod.Put, $"/id/{mine.Id}", """{"text":"Edited with one link: https://a.example"}""", cookie: mine.Cookie);
        Assert.Equal(HttpStatusCode.OK, fine.StatusCode);
    }
}
