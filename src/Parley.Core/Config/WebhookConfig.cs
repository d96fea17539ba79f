namespace Parley.Core.Config;

/// <summary>
/// <c>[webhook]</c> (spec/events.md §1, §2): Isso's keys, <c>url</c> (one per line), <c>secret</c> and <c>timeout</c>,
/// and Parley's <c>events</c> (which event types go out; Isso sends only new comments) and <c>allow-private</c>
/// (whether an endpoint may be on loopback or a private network). Sent only while <c>[general] notify</c> names
/// <c>webhook</c>.
/// </summary>
public sealed record WebhookConfig
{
    public IReadOnlyList<string> Urls { get; init; } = [];

    /// <summary>Signs each request when set: Isso's <c>X-Isso-Signature</c> and Standard Webhooks' signature.</summary>
    public string Secret { get; init; } = "";

    /// <summary>Seconds one request may take.</summary>
    public int Timeout { get; init; } = 10;

    public IReadOnlyList<string> Events { get; init; } = [Parley.Core.Events.EventTypes.CommentCreated];

    public bool AllowPrivate { get; init; }

    /// <summary>Standard Webhooks' schedule: ten attempts in all, over about three days.</summary>
    public IReadOnlyList<TimeSpan> Retries { get; init; } =
    [
        TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2), TimeSpan.FromHours(5),
        TimeSpan.FromHours(10), TimeSpan.FromHours(14), TimeSpan.FromHours(20), TimeSpan.FromHours(24),
    ];
}
