using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

namespace Parley.Browser.Tests.Support;

/// <summary>
/// Parley's real HTTP API, for seeding threads before the page opens and for checking what the server
/// stored after the browser acted. Requests come from loopback, so <c>X-Forwarded-For</c> picks the
/// commenter's address: a comment seeded "from" another address can be voted on by the browser.
/// </summary>
public sealed class ParleyApi(Uri origin) : IDisposable
{
    private readonly HttpClient _client = new() { BaseAddress = origin, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>
    /// An address that is not the browser's, in a /24 of its own: Parley, like Isso, keeps only the /24 of an
    /// IPv4 address, so commenters in one /24 would share an identicon and count as one voter.
    /// </summary>
    public static string Commenter(int n) => "10.0." + n.ToString(CultureInfo.InvariantCulture) + ".7";

    /// <summary>Creates a published comment and answers its id.</summary>
    public async Task<long> PostAsync(string uri, string text, long? parent = null, string? author = null, int from = 1)
    {
        var body = JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["text"] = text, ["author"] = author, ["parent"] = parent, ["title"] = "A post", ["notification"] = 0,
        });
        using var request = new HttpRequestMessage(HttpMethod.Post, "/new?uri=" + Uri.EscapeDataString(uri))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Forwarded-For", Commenter(from));
        using var response = await _client.SendAsync(request);
        var answer = await response.Content.ReadAsStringAsync();
        if (response.StatusCode is not (HttpStatusCode.Created or HttpStatusCode.Accepted))
        {
            throw new InvalidOperationException($"Seeding {uri} failed with {(int)response.StatusCode}: {answer}");
        }
        return JsonDocument.Parse(answer).RootElement.GetProperty("id").GetInt64();
    }

    /// <summary>Posts a comment and answers the status, whatever it is (a refusal included).</summary>
    public async Task<int> TryPostAsync(string uri, string text, int from = 1)
    {
        var body = JsonSerializer.Serialize(new { text, title = "A post" });
        using var request = new HttpRequestMessage(HttpMethod.Post, "/new?uri=" + Uri.EscapeDataString(uri))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Forwarded-For", Commenter(from));
        using var response = await _client.SendAsync(request);
        return (int)response.StatusCode;
    }

    /// <summary>Likes comment <paramref name="id"/> from another commenter's address.</summary>
    public async Task LikeAsync(long id, int from)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/id/{id.ToString(CultureInfo.InvariantCulture)}/like")
        {
            Content = new StringContent("{}", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Forwarded-For", Commenter(from));
        using var response = await _client.SendAsync(request);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Seeds <paramref name="count"/> top-level comments "Comment 1".."Comment N" (from distinct addresses) and answers their ids.</summary>
    public async Task<IReadOnlyList<long>> PostManyAsync(string uri, int count, long? parent = null, string prefix = "Comment")
    {
        var ids = new List<long>(count);
        for (var i = 1; i <= count; i++)
        {
            ids.Add(await PostAsync(uri, $"{prefix} {i}", parent, from: 100 + (i % 150)));
        }
        return ids;
    }

    /// <summary>Every visible comment of a thread, replies included, in the server's order (empty for an unknown thread).</summary>
    public async Task<IReadOnlyList<StoredComment>> CommentsAsync(string uri)
    {
        using var response = await _client.GetAsync(new Uri("/?uri=" + Uri.EscapeDataString(uri) + "&plain=1", UriKind.Relative));
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return [];
        }
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var all = new List<StoredComment>();
        Flatten(json.RootElement.GetProperty("replies"), all);
        return all;
    }

    private static void Flatten(JsonElement replies, List<StoredComment> into)
    {
        foreach (var c in replies.EnumerateArray())
        {
            into.Add(new StoredComment(
                c.GetProperty("id").GetInt64(),
                c.GetProperty("parent").ValueKind == JsonValueKind.Null ? null : c.GetProperty("parent").GetInt64(),
                c.GetProperty("text").GetString() ?? "",
                c.GetProperty("author").GetString(),
                c.GetProperty("likes").GetInt32(),
                c.GetProperty("dislikes").GetInt32(),
                c.GetProperty("mode").GetInt32()));
            if (c.TryGetProperty("replies", out var nested))
            {
                Flatten(nested, into);
            }
        }
    }

    public void Dispose() => _client.Dispose();
}

/// <summary>A comment as <c>GET /?plain=1</c> answers it: raw text, not HTML.</summary>
public sealed record StoredComment(long Id, long? Parent, string Text, string? Author, int Likes, int Dislikes, int Mode);
