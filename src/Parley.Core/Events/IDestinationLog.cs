namespace Parley.Core.Events;

/// <summary>
/// Each destination's state in the database, shared by every instance: which instance delivers for it (a lease, so an
/// event goes out once however many instances run), its failures on the current event and when to try again (so a
/// restart keeps the retry schedule), whether it is stopped (410 Gone, or its retries ran out) and, for endpoints,
/// the last deliveries. A destination that is stopped, or that no instance has held for the retention time (taken out
/// of the configuration), no longer holds the event log back.
/// </summary>
public interface IDestinationLog
{
    /// <summary>The most deliveries kept per destination.</summary>
    const int Kept = 50;

    /// <summary>
    /// Takes or renews the lease on <paramref name="destination"/> for <paramref name="holder"/> until
    /// <paramref name="until"/> when nobody else holds it past <paramref name="now"/>; returns its state either way.
    /// </summary>
    Task<DestinationState> HoldAsync(string destination, string holder, double now, double until, CancellationToken ct = default);

    /// <summary>Gives up the lease at <paramref name="now"/>, so another instance takes over at once.</summary>
    Task ReleaseAsync(string destination, string holder, double now, CancellationToken ct = default);

    /// <summary>Records failures, the next try and whether the destination is stopped (all cleared: it runs again).</summary>
    Task SetAsync(string destination, int failures, double? retryAt, double? disabled, string? reason, CancellationToken ct = default);

    /// <summary>Every destination met so far, by name (Held is false: these are not leases).</summary>
    Task<IReadOnlyList<DestinationState>> ListAsync(CancellationToken ct = default);

    /// <summary>Adds <paramref name="delivery"/> to its destination's log, keeping the newest <see cref="Kept"/>.</summary>
    Task RecordAsync(Delivery delivery, CancellationToken ct = default);

    /// <summary>The newest deliveries to <paramref name="destination"/>, newest first.</summary>
    Task<IReadOnlyList<Delivery>> DeliveriesAsync(string destination, CancellationToken ct = default);
}
