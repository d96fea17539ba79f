using System.Text.Json;
using Parley.Benchmarks.Seeding;

namespace Parley.Benchmarks.Mixed;

/// <summary>Puts the mixed load's server where a running site is, and checks that its likes will count.</summary>
internal static class Preparation
{
    /// <summary>
    /// Fetches each thread once, one after the other: the very first rendering of a thread (Markdown, author hashes)
    /// is a start-up cost, and 32 connections asking for ten unrendered threads at once would spend a short
    /// warm-up, or the measured run, on it.
    /// </summary>
    public static async Task RenderEachThreadAsync(HttpClient client, CancellationToken ct)
    {
        foreach (var uri in MixedThreads.Uris)
        {
            using var response = await client.GetAsync(new Uri($"/?uri={uri}", UriKind.Relative), ct);
            Expect(response, 200, $"GET /?uri={uri}");
        }
    }

    /// <summary>
    /// Two likes of one comment from two addresses, as mixed.lua sends them: the second must count, or Parley is not
    /// taking X-Forwarded-For from the harness and every like after the first would be refused.
    /// </summary>
    public static async Task CheckLikesCountAsync(HttpClient client, long commentId, CancellationToken ct)
    {
        var first = await LikeAsync(client, commentId, "198.51.100.1", ct);
        var second = await LikeAsync(client, commentId, "198.51.101.1", ct);
        if (first < 0 || second != first + 1)
        {
            throw new BenchError(
                $"a like of comment {commentId} from a second X-Forwarded-For address did not count ({first} likes, then {second}): is 127.0.0.1 in [server] trusted-proxies?");
        }
    }

    /// <summary>The likes the answer reports; -1 when Parley refused the vote (its answer then carries a message).</summary>
    private static async Task<long> LikeAsync(HttpClient client, long commentId, string address, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/id/{commentId}/like", UriKind.Relative));
        request.Headers.TryAddWithoutValidation("X-Forwarded-For", address);
        using var response = await client.SendAsync(request, ct);
        Expect(response, 200, $"POST /id/{commentId}/like");
        using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        return answer.RootElement.TryGetProperty("message", out _) ? -1 : answer.RootElement.GetProperty("likes").GetInt64();
    }

    private static void Expect(HttpResponseMessage response, int status, string request)
    {
        if ((int)response.StatusCode != status)
        {
            throw new BenchError($"{request} answered {(int)response.StatusCode}, expected {status}");
        }
    }
}
