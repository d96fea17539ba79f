using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Parley.Api.Tests.Support;

namespace Parley.Api.Tests;

/// <summary>
/// What readers are told when the guard or the vote rules refuse them never contains an address: behind a proxy that
/// is not (or not yet) trusted it would be the proxy's internal one.
/// </summary>
public sealed partial class GuardMessageTests
{
    [Theory]
    [InlineData("172.17.0.5")]
    [InlineData("fd12:3456:789a::5")]
    public async Task NoRefusalShownToReadersContainsAnAddress(string internalAddress)
    {
        await using var app = await TestApp.StartAsync();
        var messages = new List<string>();

        // Rate limit: two comments a minute from one network.
        var own = await app.CommentAsync("/g", ip: internalAddress);
        await app.CommentAsync("/h", ip: internalAddress);
        messages.Add(await RefusedAsync(app, "/g", """{"text":"third"}""", internalAddress));
        // Replying to one's own comment while it can still be edited.
        app.Clock.Advance(TimeSpan.FromSeconds(61));
        messages.Add(await RefusedAsync(app, "/g", $$"""{"text":"reply","parent":{{own.Id}}}""", internalAddress));
        // A vote from the network that wrote the comment.
        using (var vote = await app.SendAsync(HttpMethod.Post, $"/id/{own.Id}/like", ip: internalAddress))
        {
            Assert.Equal(HttpStatusCode.OK, vote.StatusCode);
            messages.Add((await Wire.JsonOf(vote)).GetProperty("message").GetString()!);
        }

        Assert.Equal(
            [
                "403 Forbidden: ratelimit exceeded: at most 2 comments a minute from one network; please try again in a minute",
                "403 Forbidden: edit time frame is still open",
                "Upvote denied because a vote has already been registered for this remote address",
            ],
            messages);
        Assert.DoesNotContain(messages, m => Address().IsMatch(m));
    }

    private static async Task<string> RefusedAsync(TestApp app, string uri, string json, string ip)
    {
        var request = Wire.Request(HttpMethod.Post, "/new?uri=" + Uri.EscapeDataString(uri), json, ip);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await app.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        return (await Wire.JsonOf(response)).GetProperty("message").GetString()!;
    }

    // Dotted IPv4, or IPv6 groups (anonymised or not).
    [GeneratedRegex(@"\d{1,3}(\.\d{1,3}){3}|[0-9a-f]{1,4}(:[0-9a-f]{0,4}){2,}", RegexOptions.IgnoreCase)]
    private static partial Regex Address();
}
