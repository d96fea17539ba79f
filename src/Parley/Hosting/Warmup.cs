using System.Buffers;
using System.Text.Json;
using Parley.Core.Comments;
using Parley.Core.Events;
using Parley.Core.Security;
using Parley.Core.Storage;
using Parley.Http.Isso;

namespace Parley.Hosting;

/// <summary>
/// Pays at start-up what the first requests would otherwise pay for compiling their paths. Before the server listens
/// (hosted services start first), <c>GET /info</c> and <c>/config</c> are rehearsed through the pipeline: that cost
/// would otherwise sit inside the first answer after the port opens, so moving it ahead does not delay the first 200.
/// Beside that, on another thread and on past the opening of the port: a comment in a transaction that is rolled back
/// (rules, SQL, events, Markdown, sanitising, signing, the answer's JSON). Once the server listens: a count and fetches
/// through the pipeline, one of them of a stored thread (its row readers are compiled only when rows come back).
/// Nothing is written; a failure only costs speed, so it is logged as a warning and start-up goes on. The Markdown
/// engine and the sanitiser stay loaded (about 13 MB resident).
/// </summary>
internal sealed class Warmup(Func<RequestDelegate> pipeline, IHostApplicationLifetime lifetime, CommentService service,
    CommentTokens tokens, ICommentStore store, IServiceScopeFactory scopes, ILogger<Warmup> log) : BackgroundService
{
    private const string Uri = "/.parley/warm-up/";

    // The oldest thread ids tried for a stored thread to fetch one comment of.
    private const int ThreadsTried = 5;

    private RequestRehearsal? _rehearsal;
    private Task _comment = Task.CompletedTask;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        _comment = Task.Run(() => TryAsync(() => RehearseCommentAsync(cancellationToken), cancellationToken), CancellationToken.None);
        await TryAsync(async () =>
        {
            // A copy of the pipeline: the host builds its own when it starts the server, after this.
            _rehearsal = new RequestRehearsal(pipeline(), scopes);
            await SendAsync(HttpMethods.Get, "/info", null, cancellationToken);
            await SendAsync(HttpMethods.Get, "/config", null, cancellationToken);
        }, cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            await started.Task.WaitAsync(stoppingToken);
        }
        await _comment;
        await TryAsync(() => RehearseReadsAsync(stoppingToken), stoppingToken);
    }

    private async Task RehearseReadsAsync(CancellationToken ct)
    {
        await SendAsync(HttpMethods.Post, "/count", $"[\"{Uri}\"]", ct);
        await SendAsync(HttpMethods.Get, $"/?uri={System.Uri.EscapeDataString(Uri)}", null, ct);
        for (var id = 1; id <= ThreadsTried; id++)
        {
            if (await store.GetThreadByIdAsync(id, ct) is { } stored)
            {
                await SendAsync(HttpMethods.Get, $"/?uri={System.Uri.EscapeDataString(stored.Uri)}&limit=1&nested_limit=0", null, ct);
                return;
            }
        }
    }

    private async Task SendAsync(string method, string pathAndQuery, string? json, CancellationToken ct)
    {
        if (_rehearsal is { } rehearsal && await rehearsal.SendAsync(method, pathAndQuery, json, ct) is var status and not 200)
        {
            log.LogWarning("Rehearsing {Method} {Request} at start-up answered {Status}", method, pathAndQuery, status);
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

    private async Task TryAsync(Func<Task> step, CancellationToken ct)
    {
        try
        {
            await step();
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            log.LogWarning(e, "Warming up failed; the first requests will be slower");
        }
    }
}
