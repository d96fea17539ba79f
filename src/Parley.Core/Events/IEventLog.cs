namespace Parley.Core.Events;

/// <summary>
/// The event log of one database (spec/events.md §4): rows written by <see cref="Storage.IWriteScope.RecordAsync"/>,
/// read in commit order by each destination from its own cursor, and trimmed after the retention time.
/// </summary>
public interface IEventLog
{
    /// <summary>Up to <paramref name="limit"/> events after sequence number <paramref name="after"/>, in order.</summary>
    Task<IReadOnlyList<ChangeEvent>> ReadAsync(long after, int limit, CancellationToken ct = default);

    /// <summary>The events <paramref name="query"/> asks for, newest first (the admin's history).</summary>
    Task<IReadOnlyList<ChangeEvent>> HistoryAsync(EventQuery query, CancellationToken ct = default);

    /// <summary>
    /// Where <paramref name="destination"/> stands: the last event it has handled. A destination met for the first
    /// time starts at the end of the log (it hears what happens from now on, not the history).
    /// </summary>
    Task<long> CursorAsync(string destination, CancellationToken ct = default);

    /// <summary>Records that <paramref name="destination"/> has handled every event up to <paramref name="seq"/>.</summary>
    Task AdvanceAsync(string destination, long seq, CancellationToken ct = default);

    /// <summary>Where each destination met so far stands (the last event it has handled), by name.</summary>
    Task<IReadOnlyDictionary<string, long>> CursorsAsync(CancellationToken ct = default);

    /// <summary>How many events each destination met so far has still to handle (after its cursor), by name.</summary>
    Task<IReadOnlyDictionary<string, long>> PendingAsync(CancellationToken ct = default);

    /// <summary>
    /// Deletes events created before <paramref name="createdBefore"/> that every destination still in use has handled
    /// (one that is stopped, or that no instance has held since <paramref name="createdBefore"/>, does not hold the log
    /// back); returns how many.
    /// </summary>
    Task<int> TrimAsync(double createdBefore, CancellationToken ct = default);
}
