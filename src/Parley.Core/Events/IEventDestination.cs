namespace Parley.Core.Events;

/// <summary>
/// Something outside the database that hears about changes: the log, e-mail, webhooks, later the live stream and the
/// message bus. Each reads the event log from its own cursor, in a worker of its own, never in a request. Adding one
/// is one class plus its configuration.
/// </summary>
public interface IEventDestination
{
    /// <summary>Names the destination's cursor in the log: stable across versions.</summary>
    string Name { get; }

    /// <summary>
    /// Handles one event. Throwing (or taking too long) means "try again later": the same event comes back after a
    /// back-off, and nothing after it comes first. After a crash an event may come twice, so handling must tolerate it.
    /// </summary>
    Task DeliverAsync(ChangeEvent change, CancellationToken ct);
}
