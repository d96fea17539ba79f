namespace Parley.Core.Config;

/// <summary>
/// <c>[amqp]</c> (Parley, spec/events.md §3, §4): every event published to a message broker, the way Fedora's
/// messaging does it. Empty <c>url</c>: no publishing.
/// </summary>
public sealed record AmqpConfig
{
    /// <summary><c>amqp://user:password@host:port/vhost</c> or <c>amqps://…</c>.</summary>
    public string Url { get; init; } = "";

    public string Exchange { get; init; } = "amq.topic";

    /// <summary>Put before <c>parley.&lt;type&gt;</c> in each routing key, e.g. <c>org.example.prod</c>.</summary>
    public string TopicPrefix { get; init; } = "";
}
