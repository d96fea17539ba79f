namespace Parley.Core.Events;

/// <summary>
/// One attempt to hand an event to an endpoint, as its delivery log keeps it.
/// </summary>
/// <param name="Destination">The endpoint's name.</param>
/// <param name="Seq">The event's sequence number.</param>
/// <param name="EventId">The event's public id (<see cref="Events.EventId"/>).</param>
/// <param name="Type">The event's type.</param>
/// <param name="At">When the attempt ended (Unix seconds).</param>
/// <param name="Ok">Whether the endpoint took it.</param>
/// <param name="Result">The answer (<c>200 OK</c>) or the error.</param>
/// <param name="Attempt">1 for the first try of the event, 2 for the first retry, and so on; 0 for an admin's "send again".</param>
public sealed record Delivery(string Destination, long Seq, string EventId, string Type, double At, bool Ok, string Result, int Attempt);
