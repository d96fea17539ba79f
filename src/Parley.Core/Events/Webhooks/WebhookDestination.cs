using System.Net;
using System.Net.Http.Headers;
using Parley.Core.Config;

namespace Parley.Core.Events.Webhooks;

/// <summary>
/// One <c>[webhook] url</c>, fed from the event log with its own cursor (spec/events.md §1, §2): the event types of
/// <c>[webhook] events</c> (Isso's <c>comment.created</c> unless told otherwise), as Isso's request (body,
/// <c>X-Isso-Event</c>, <c>X-Isso-Signature</c>) with Standard Webhooks' headers besides. Only a 2xx answer is a
/// delivery; anything else, or no answer within <c>timeout</c>, is tried again on <c>[webhook] retries</c> (or after
/// the receiver's <c>Retry-After</c> when it gives one), and the same event keeps its <c>webhook-id</c>. <c>410 Gone</c>,
/// or the last retry failing, stops the endpoint until an admin starts it again. Redirects are not followed. Imports
/// send nothing, as they mail nothing.
/// </summary>
public sealed class WebhookDestination(string url, LiveConfig config, HttpClient client, TimeProvider time) : IEventDestination
{
    /// <summary>What every webhook's name starts with.</summary>
    public const string NamePrefix = "webhook ";

    public string Name => NamePrefix + url;

    public IReadOnlyList<TimeSpan>? Retries => config.Current.Webhook.Retries;

    public async Task<string?> DeliverAsync(ChangeEvent change, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(change);
        var current = config.Current;
        if (!current.General.Notify.Contains("webhook") || change.By == EventBy.Import || !current.Webhook.Events.Contains(change.Type))
        {
            return null;
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
        var answer = $"{status} {response.ReasonPhrase}".TrimEnd();
        if (status is >= 200 and < 300)
        {
            return answer;
        }
        if (response.StatusCode == HttpStatusCode.Gone)
        {
            throw new DestinationGoneException($"{url} answered {answer}");
        }
        throw new RetryLaterException($"{url} answered {answer}", RetryAfter(response));
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - time.GetUtcNow(),
        _ => null,
    };
}
