using System.Net;
using System.Text.Json;
using Parley.Api.Tests.Support;
using Parley.Core.Config;
using Parley.Core.Spam;
using Xunit.Abstractions;

namespace Parley.Api.Tests.Spam;

/// <summary>
/// A scripted bot corpus against every <c>[spam]</c> defence at once. Each post comes with a new
/// <c>X-Forwarded-For</c>, which Parley honours here (the test connects from loopback): the rate limit is dodged on
/// purpose, so the defences alone must stop the bots.
/// </summary>
public sealed class BotCorpusTests(ITestOutputHelper output)
{
    private static readonly string[] Offers = ["Best casino bonus today", "Cheap pills, no prescription", "Great article, thanks!",
        "I agree with everything", "Check my profile for more", "Earn money from home"];

    [Fact]
    public async Task FiveHundredAndFiftyBotPostsAreAllRefusedOrHeldAndNonePublished()
    {
        await using var app = await TestApp.StartAsync(c => c with
        {
            Spam = new SpamConfig
            {
                ProofOfWork = true, ProofOfWorkCost = 2000, Honeypot = true, MaxLinks = 2,
                BlockedWords = [WordRule.TryParse("casino", out _)!, WordRule.TryParse("/cheap\\s+pills?/", out _)!],
                SuspectWords = [WordRule.TryParse("earn money", out _)!],
            },
        });
        // A reader posts first; bots then replay the challenge the reader's client solved.
        var readers = await SolveAsync(app);
        using (var reader = await app.PostNewAsync("/post/", Body("A real reader's comment", readers)))
        {
            Assert.Equal(HttpStatusCode.Created, reader.StatusCode);
        }

        var outcomes = new Dictionary<string, Dictionary<HttpStatusCode, int>>();
        async Task RunAsync(string kind, int count, Func<int, Task<string>> body)
        {
            var seen = outcomes[kind] = [];
            for (var i = 0; i < count; i++)
            {
                using var response = await app.PostNewAsync("/post/", await body(i));
                seen[response.StatusCode] = seen.GetValueOrDefault(response.StatusCode) + 1;
            }
        }
        var offer = (int i) => $"{Offers[i % Offers.Length]} #{i}";
        await RunAsync("no proof of work", 150, i => Task.FromResult(Body(offer(i))));
        await RunAsync("forged proof of work", 50, i => Task.FromResult(Body(offer(i), Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(
            new { algorithm = "SHA-256", challenge = new string('a', 64), number = i, salt = "00?expires=9999999999&", signature = new string('b', 64) })))));
        await RunAsync("replayed challenge", 100, i => Task.FromResult(Body(offer(i), readers)));
        await RunAsync("honeypot filled", 100, async i => Body(offer(i), await SolveAsync(app), subject: "Hello"));
        await RunAsync("link farm", 75, async i => Body($"https://spam.example/{i} https://spam.example/b www.spam.example {offer(i)}", await SolveAsync(app)));
        await RunAsync("blocked words", 50, async i => Body(i % 2 == 0 ? "Visit our CASINO" : "cheap  pills here", await SolveAsync(app)));
        await RunAsync("suspect words", 25, async i => Body($"Earn money fast #{i}", await SolveAsync(app)));

        var total = outcomes.Values.Sum(o => o.Values.Sum());
        var published = outcomes.Values.Sum(o => o.GetValueOrDefault(HttpStatusCode.Created));
        var held = outcomes.Values.Sum(o => o.GetValueOrDefault(HttpStatusCode.Accepted));
        var refused = outcomes.Values.Sum(o => o.GetValueOrDefault(HttpStatusCode.Forbidden));
        foreach (var (kind, seen) in outcomes)
        {
            output.WriteLine($"{kind}: {string.Join(", ", seen.Select(p => $"{(int)p.Key} × {p.Value}"))}");
        }
        output.WriteLine($"{total} bot posts: {refused} refused, {held} held for moderation, {published} published");
        Assert.Equal(550, total);
        Assert.Equal(0, published);
        Assert.True(refused + held >= total * 0.99, $"{refused + held} of {total} stopped");
        // Held only where a rule holds: suspect words and link farms (those offering a blocked word are refused).
        Assert.Equal(25, outcomes["suspect words"].GetValueOrDefault(HttpStatusCode.Accepted));
        Assert.Equal(75, outcomes["link farm"].GetValueOrDefault(HttpStatusCode.Accepted) + outcomes["link farm"].GetValueOrDefault(HttpStatusCode.Forbidden));
        Assert.All(outcomes.Where(o => o.Key is not ("suspect words" or "link farm")), o => Assert.Equal([HttpStatusCode.Forbidden], o.Value.Keys));
        // What the public sees: the reader's comment only.
        Assert.Single(await app.PublishedIdsAsync("/post/"));
    }

    private static Task<string> SolveAsync(TestApp app) => SpamTests.SolveAsync(app);

    private static string Body(string text, string? altcha = null, string? subject = null) =>
        JsonSerializer.Serialize(new Dictionary<string, object?> { ["text"] = text, ["title"] = "A page", ["altcha"] = altcha, ["subject"] = subject }
            .Where(p => p.Value is not null).ToDictionary());
}
