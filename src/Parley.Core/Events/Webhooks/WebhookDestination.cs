using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using Parley.Core.Config;

namespace Parley.Core.Events.Webhooks;

/// <summary>
/// One <c>[webhook] url</c>, fed from the event log with its own cursor (spec/events.md §1, §2): the event types of
/// <c>[webhook] events</c> (Isso's <c>comment.created</c> unless told otherwise), as Isso's request (body,
/// <c>X-Isso-Event</c>, <c>X-Isso-Signature</c>) with Standard Webhooks' headers besides. Only a 2xx answer is a
/// delivery; anything else, or no answer within <c>timeout</c>, is tried again later (after the receiver's
/// <c>Retry-After</c> when it gives one), and the same event keeps its <c>webhook-id</c>. <c>410 Gone</c> stops the
/// endpoint until the next start. Redirects are not followed. Imports send nothing, as they mail nothing.
/// </summary>
public sealed class WebhookDestination(string url, LiveConfig config, HttpClient client, TimeProvider time,
    ILogger<WebhookDestination> log) : IEventDestination
{
    private volatile bool _gone;

    public string Name => "webhook " + url;

    public async Task DeliverAsync(ChangeEvent change, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(change);
        var current = config.Current;
        if (_gone || !current.General.Notify.Contains("webhook") || change.By == EventBy.Import
            || !current.Webhook.Events.Contains(change.Type))
        {
            return;
        }
        var body = WebhookBody.Of(change);
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-Isso-Event", change.Type);
        request.Headers.Add("webhook-id", change.Id);
        request.Headers.Add("webhook-timestamp", timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (current.Webhook.Secret is { Length: > 0 } secret)
        {
            request.Headers.Add("X-Isso-Signature", WebhookSignatures.Isso(secret, body));
            request.Headers.Add("webhook-signature", WebhookSignatures.Standard(secret, change.Id, timestamp, body));
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(current.Webhook.Timeout));
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        var status = (int)response.StatusCode;
        if (status is >= 200 and < 300)
        {
            return;
        }
        if (response.StatusCode == HttpStatusCode.Gone)
        {
            _gone = true;
            log.LogWarning("Webhook {Url} answered 410 Gone: nothing more is sent to it until Parley starts again", url);
            return;
        }
        throw new RetryLaterException($"{url} answered {status} {response.ReasonPhrase}", RetryAfter(response));
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - time.GetUtcNow(),
        _ => null,
    };
}
