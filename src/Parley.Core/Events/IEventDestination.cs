namespace Parley.Core.Events;

/// <summary>
/// Something outside the database that hears about changes: the log, e-mail, webhooks, the message bus. Each reads
/// the event log from its own cursor, in a worker of its own, never in a request, and one instance at a time delivers
/// for it. Adding one is one class plus its configuration.
/// </summary>
public interface IEventDestination
{
    /// <summary>Names the destination's cursor in the log: stable across versions.</summary>
    string Name { get; }

    /// <summary>
    /// Null for Parley's own destinations (the log, mail, the message bus): a failure is tried again with back-off
    /// until it succeeds. An endpoint someone else runs (a webhook) gives its retry schedule instead: its attempts are
    /// kept in its delivery log, and when the last retry fails too it is stopped until an admin starts it again.
    /// </summary>
    IReadOnlyList<TimeSpan>? Retries => null;

    /// <summary>
    /// Handles one event and says what came of it (<c>200 OK</c>), or null when the event was not for it. Throwing
    /// (or taking too long) means "try again later": the same event comes back after a back-off, and nothing after it
    /// comes first; <see cref="DestinationGoneException"/> stops the destination. After a crash an event may come
    /// twice, so handling must tolerate it.
    /// </summary>
    Task<string?> DeliverAsync(ChangeEvent change, CancellationToken ct);
}
