using Parley.Core.Config;
using Parley.Core.Events;
using Parley.Core.Storage;
using Parley.Hosting.Metrics;
using Parley.Http.Edge;

namespace Parley.Hosting;

/// <summary>
/// Delivers the event log to every destination, each from its own cursor in a loop of its own: a destination that
/// throws or hangs is retried with back-off and delays nobody else, and requests never wait for any of them. Also
/// trims the log to <c>[events] retention</c>.
/// </summary>
internal sealed class EventDispatcher(IEnumerable<IEventDestination> destinations, ICommentStore store, EventSignal signal, LiveConfig config,
    TimeProvider time, DiskFull diskFull, ParleyMetrics metrics, ILogger<EventDispatcher> log) : BackgroundService
{
    private const int Batch = 200;
    // Another process writing to the same database does not signal this one: it is seen within this time.
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan TrimEvery = TimeSpan.FromHours(1);
    /// <summary>How long one delivery may take before it counts as failed (and is tried again later).</summary>
    public static readonly TimeSpan DeliveryTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromMinutes(5);
    // A receiver's Retry-After is honoured up to this.
    private static readonly TimeSpan LongestAskedWait = TimeSpan.FromDays(1);

    private readonly IEventDestination[] _destinations = [.. destinations];
    private readonly Dictionary<string, long> _cursors = [];

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        // Before the first request: a comment posted while a cursor did not exist yet would otherwise be skipped.
        foreach (var destination in _destinations)
        {
            _cursors[destination.Name] = await store.Events.CursorAsync(destination.Name, cancellationToken);
        }
        await base.StartAsync(cancellationToken);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll([.. _destinations.Select(d => Task.Run(() => RunAsync(d, _cursors[d.Name], stoppingToken), stoppingToken)),
            Task.Run(() => TrimAsync(stoppingToken), stoppingToken)]);

    private async Task RunAsync(IEventDestination destination, long cursor, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            var wake = signal.Next;
            try
            {
                var events = await store.Events.ReadAsync(cursor, Batch, ct);
                foreach (var change in events)
                {
                    await DeliverAsync(destination, change, cursor, ct);
                    cursor = change.Seq;
                }
                if (events.Count > 0)
                {
                    await store.Events.AdvanceAsync(destination.Name, cursor, ct);
                }
                if (events.Count == Batch)
                {
                    continue;
                }
                await Task.WhenAny(wake, Task.Delay(Poll, time, ct));
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                // The log itself could not be read or the cursor not stored: nothing is lost, the events wait.
                if (DiskFull.Is(e))
                {
                    diskFull.Refused(e);
                }
                else
                {
                    log.LogError(e, "Reading the event log for {Destination} failed", destination.Name);
                }
                await Task.Delay(TimeSpan.FromSeconds(5), time, ct);
            }
        }
    }

    // Tries one event until it is handled; between failures the cursor stands just before it, so a restart resumes here.
    private async Task DeliverAsync(IEventDestination destination, ChangeEvent change, long before, CancellationToken ct)
    {
        for (var failures = 0; ; failures++)
        {
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
                timeout.CancelAfter(DeliveryTimeout);
                // WaitAsync: a destination that ignores its token still lets go of this loop.
                await destination.DeliverAsync(change, timeout.Token).WaitAsync(DeliveryTimeout, time, ct);
                if (failures > 0)
                {
                    log.LogInformation("{Destination} handled event {Id} after {Failures} failed attempts", destination.Name, change.Id, failures);
                }
                return;
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                metrics.DeliveryFailed(destination.Name);
                var wait = TimeSpan.FromTicks(Math.Min(FirstRetry.Ticks << Math.Min(failures, 20), LongestRetry.Ticks));
                if (e is RetryLaterException { After: { } asked } && asked > wait)
                {
                    wait = asked < LongestAskedWait ? asked : LongestAskedWait;
                }
                log.LogWarning("{Destination} failed on event {Id} ({Type} of comment {Comment}): {Reason}; next try in {Wait}",
                    destination.Name, change.Id, change.Type, change.Comment?.Id, e.Message, wait);
                if (failures == 0 && before > 0)
                {
                    await store.Events.AdvanceAsync(destination.Name, before, ct);
                }
                await Task.Delay(wait, time, ct);
            }
        }
    }

    private async Task TrimAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                var before = (time.GetUtcNow() - DateTimeOffset.UnixEpoch).TotalSeconds - config.Current.Events.Retention;
                var trimmed = await store.Events.TrimAsync(before, ct);
                if (trimmed > 0)
                {
                    log.LogInformation("Trimmed {Count} events older than the retention time", trimmed);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                log.LogError(e, "Trimming the event log failed");
            }
            await Task.Delay(TrimEvery, time, ct);
        }
    }
}
