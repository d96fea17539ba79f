using System.Buffers;
using System.Text.Json;
using Parley.Core.Comments;
using Parley.Core.Events;
using Parley.Core.Security;
using Parley.Core.Storage;
using Parley.Http.Isso;

namespace Parley.Hosting;

/// <summary>
/// Walks the write path once as soon as the server listens, so that the first reader to comment does not pay for
/// compiling it: a comment rehearsed in a transaction that is rolled back (rules, SQL, events, Markdown, sanitising,
/// signing, the answer's JSON). Runs beside the first requests, never before them; a failure here is only logged.
/// It loads the Markdown engine and the sanitiser before the first comment would (about 13 MB of resident memory).
/// Then it runs the reads of a fetch and of a count on a thread that does not exist, which compiles their path and
/// prepares their statements without reading anything.
/// </summary>
internal sealed class Warmup(IHostApplicationLifetime lifetime, CommentService service, CommentTokens tokens,
    ICommentStore store, IServiceScopeFactory scopes, ILogger<Warmup> log) : BackgroundService
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
            await RehearseReadsAsync(stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            log.LogDebug(e, "Warming up failed; the first requests will be slower");
        }
    }

    private async Task RehearseReadsAsync(CancellationToken ct)
    {
        await store.ReadSnapshotAsync(async () =>
        {
            var listing = await store.ListThreadAsync(Uri, "oldest", "0", ct);
            return await store.ReadListedAsync(listing.TopLevel, ct);
        }, ct);
        await store.ReadSnapshotAsync(async () => (await store.CountPublishedAsync([Uri], ct), await store.ThreadIdsAsync([Uri], ct)), ct);
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
}
