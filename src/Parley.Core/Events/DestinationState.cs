namespace Parley.Core.Events;

/// <summary>
/// What the database keeps about one destination besides its cursor (see <see cref="IDestinationLog"/>).
/// </summary>
/// <param name="Destination">The destination's name (its cursor's).</param>
/// <param name="Held">Whether the instance that asked delivers for it now (holds its lease).</param>
/// <param name="Failures">Failed attempts in a row on the event it stands before.</param>
/// <param name="RetryAt">When that event is tried next (Unix seconds); null to try at once.</param>
/// <param name="Disabled">When it was stopped (Unix seconds); null while it runs.</param>
/// <param name="Reason">Why it was stopped.</param>
public sealed record DestinationState(string Destination, bool Held, int Failures, double? RetryAt, double? Disabled, string? Reason)
{
    public static DestinationState New(string destination) => new(destination, false, 0, null, null, null);
}
