using System.Net;
using System.Text;
using System.Text.Json;
using Parley.Api.Tests.Spam;
using static Parley.Api.Tests.Deployment.ServerProcessWire;

namespace Parley.Api.Tests.Durability;

/// <summary>Proof of work across two server processes on one database: a solved challenge posts once, wherever it is sent.</summary>
public sealed partial class TwoServersTests
{
    [Fact]
    public async Task AChallengeSentToBothServersAtOncePostsThroughExactlyOne()
    {
        var (a, b) = await StartTwoAsync(("spam", "proof-of-work", "true"), ("spam", "proof-of-work-cost", "1000"));
        for (var round = 0; round < 5; round++)
        {
            // Made by one server, solved, then sent to both at the same moment.
            var solved = await SpamTests.SolveAsync(round % 2 == 0 ? a : b);
            var answers = await Task.WhenAll(PostSolvedAsync(a, $"Round {round} through a", solved), PostSolvedAsync(b, $"Round {round} through b", solved));
            output.WriteLine($"round {round}: {string.Join(", ", answers.Select(x => $"{(int)x.Status} {x.Body}"))}");
            Assert.Single(answers, x => x.Status == HttpStatusCode.Created);
            var refused = Assert.Single(answers, x => x.Status != HttpStatusCode.Created);
            Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
            Assert.Contains("was used already", refused.Body, StringComparison.Ordinal);
        }
        Assert.Equal(5, (await TextsAsync(a, "/pow/")).Count);
    }

    private static async Task<(HttpStatusCode Status, string Body)> PostSolvedAsync(HttpClient client, string text, string altcha)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/new?uri=%2Fpow%2F")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { text, title = "A post", altcha }), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Forwarded-For", "192.0.2.77");
        using var response = await client.SendAsync(request);
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }
}
