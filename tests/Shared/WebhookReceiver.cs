using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace Parley.Tests.Shared;

/// <summary>One request a <see cref="WebhookReceiver"/> got: its path, headers and exact body bytes, and what it answered.</summary>
public sealed record ReceivedHook(string Path, IReadOnlyDictionary<string, string> Headers, byte[] Body, int Answered)
{
    public string Header(string name) => Headers.TryGetValue(name, out var value) ? value : "";
}

/// <summary>
/// A webhook receiver on loopback (Kestrel): keeps every request and answers each with what <c>answer</c> says for its
/// number (0 for the first): a status, and a Location for redirects.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly List<ReceivedHook> _received = [];

    private WebhookReceiver(WebApplication app) => _app = app;

    /// <summary>The address to configure as <c>[webhook] url</c>.</summary>
    public string Url { get; private set; } = "";

    public IReadOnlyList<ReceivedHook> Received
    {
        get
        {
            lock (_received)
            {
                return [.. _received];
            }
        }
    }

    public static async Task<WebhookReceiver> StartAsync(Func<int, int>? answer = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.Run(async context =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            int status;
            lock (receiver._received)
            {
                status = answer?.Invoke(receiver._received.Count) ?? 200;
                receiver._received.Add(new ReceivedHook(context.Request.Path,
                    context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
                    body.ToArray(), status));
            }
            context.Response.StatusCode = status;
            if (status is >= 300 and < 400)
            {
                context.Response.Headers.Location = "/moved-elsewhere";
            }
        });
        await app.StartAsync();
        receiver.Url = app.Urls.First().TrimEnd('/') + "/hooks/parley";
        return receiver;
    }

    /// <summary>The requests so far, once at least <paramref name="count"/> satisfy <paramref name="which"/> (30 s at most).</summary>
    public async Task<IReadOnlyList<ReceivedHook>> WaitForAsync(int count, Func<ReceivedHook, bool>? which = null)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (Received.Count(which ?? (_ => true)) < count)
        {
            await Task.Delay(20, patience.Token);
        }
        return Received;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
