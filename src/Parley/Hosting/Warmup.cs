using System.Buffers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Parley.Core.Comments;
using Parley.Core.Events;
using Parley.Core.Security;
using Parley.Http.Isso;

namespace Parley.Hosting;

/// <summary>
/// Walks the busy paths once as soon as the server listens, so that the first reader does not pay for compiling them:
/// a comment rehearsed in a transaction that is rolled back (rules, SQL, events, rendering, signing), then one request
/// of each public kind over loopback. Runs beside the first requests, never before them; a failure here is only logged.
/// </summary>
internal sealed class Warmup(IServer server, IHostApplicationLifetime lifetime, CommentService service, CommentTokens tokens,
    IServiceScopeFactory scopes, ILogger<Warmup> log) : BackgroundService
{
    private const string Uri = "/.parley/warm-up/";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            await started.Task.WaitAsync(stoppingToken);
        }
        try
        {
            await RehearseCommentAsync(stoppingToken);
            if (server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.Ordinal)) is { } address)
            {
                await AskAsync(new System.Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal)
                    .Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal)), stoppingToken);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            log.LogDebug(e, "Warming up failed; the first requests will be slower");
        }
    }

    private async Task RehearseCommentAsync(CancellationToken ct)
    {
        var input = new CommentInput
        {
            Text = "Warming up: *emphasis*, `code` and a [link](https://example.org/).",
            Author = "Parley",
            Title = "Warm-up",
        };
        var site = new SiteAddress("http://localhost", "http://localhost");
        var comment = await service.RehearseCreateAsync(Uri, input, "127.0.0.0", site, ct);
        tokens.Ownership(comment.Id, comment.Text);
        using var scope = scopes.CreateScope();
        var json = scope.ServiceProvider.GetRequiredService<IssoJson>();
        await using var writer = new Utf8JsonWriter(new ArrayBufferWriter<byte>());
        json.WriteComment(writer, comment, rendered: true, withHash: true);
    }

    // Each answer is read and thrown away: an unknown thread answers 404, an empty comment 400, both as for a reader.
    private static async Task AskAsync(Uri address, CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        string[] reads = ["/config", $"/?uri={Uri}", $"/count"];
        foreach (var path in reads)
        {
            using var response = path == "/count"
                ? await http.PostAsync(path, Json($"[\"{Uri}\"]"), ct)
                : await http.GetAsync(path, ct);
            await response.Content.ReadAsByteArrayAsync(ct);
        }
        using (var preview = await http.PostAsync("/preview", Json("{\"text\":\"Warming *up*\"}"), ct))
        {
            await preview.Content.ReadAsByteArrayAsync(ct);
        }
        using var refused = await http.PostAsync($"/new?uri={Uri}", Json("{\"text\":\"\"}"), ct);
        await refused.Content.ReadAsByteArrayAsync(ct);
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
