using Parley.Core.Config;
using Parley.Core.Events;
using Parley.Core.Storage;
using Parley.Hosting.Metrics;
using Parley.Http.Edge;

namespace Parley.Hosting;

/// <summary>
/// Delivers the event log to every destination, each from its own cursor in a loop of its own: a destination that
/// throws or hangs is retried and delays nobody else, and requests never wait for any of them. However many instances
/// share the database, one at a time delivers for each destination (a lease in <see cref="IDestinationLog"/>); the
/// others take over within <see cref="Lease"/> when it stops. Also trims the log to <c>[events] retention</c>.
/// </summary>
internal sealed class EventDispatcher(IEnumerable<IEventDestination> destinations, ICommentStore store, EventSignal signal, LiveConfig config,
    TimeProvider time, DiskFull diskFull, ParleyMetrics metrics, ILogger<EventDispatcher> log) : BackgroundService
{
    private const int Batch = 200;
    // Another process writing to the same database does not signal this one: it is seen within this time.
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);
    // After a wake, the events of the next moments are gathered into one read and one cursor write: under a steady
    // stream of writes, a read and a commit per event per destination would cost the requests more than the events.
    private static readonly TimeSpan Gather = TimeSpan.FromMilliseconds(25);
    // How often an instance that does not deliver for a destination (another does, or it is stopped) looks again.
    private static readonly TimeSpan Standby = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan TrimEvery = TimeSpan.FromHours(1);
    /// <summary>How long one delivery may take before it counts as failed (and is tried again later).</summary>
    public static readonly TimeSpan DeliveryTimeout = TimeSpan.FromSeconds(30);
    // Renewed when less than three quarters are left, so a delivery that takes its whole time never outlives it.
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(40);
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromMinutes(5);
    // A receiver's Retry-After is honoured up to this.
    private static readonly TimeSpan LongestAskedWait = TimeSpan.FromDays(1);

    private readonly Run[] _runs = [.. destinations.Select(d => new Run(d))];
    // Stable across restarts, so a restarted instance takes its destinations back at once; distinct per address.
    private readonly string _holder = $"{Environment.MachineName} {config.Current.Server.Listen}";

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        // Before the first request: a comment posted while a cursor did not exist yet would otherwise be skipped.
        foreach (var run in _runs)
        {
            await store.Events.CursorAsync(run.Destination.Name, cancellationToken);
        }
        await base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        // Another instance takes over at once rather than when the lease runs out.
        foreach (var run in _runs.Where(r => !double.IsNegativeInfinity(r.HeldUntil)))
        {
            try
            {
                await store.Destinations.ReleaseAsync(run.Destination.Name, _holder, Now(), cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning("Could not hand over {Destination}: {Reason}", run.Destination.Name, e.Message);
            }
        }
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll([.. _runs.Select(r => Task.Run(() => RunAsync(r, stoppingToken), stoppingToken)),
            Task.Run(() => TrimAsync(stoppingToken), stoppingToken)]);

    /// <summary>
    /// One attempt at <paramref name="change"/> within the time limit, and for an endpoint its line in the delivery log.
    /// Returns what the destination answered; throws what it threw.
    /// </summary>
    public static async Task<string?> AttemptAsync(IEventDestination destination, ChangeEvent change, int attempt, ICommentStore store,
        TimeProvider time, CancellationToken ct)
    {
        string? result;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(DeliveryTimeout);
            var delivery = destination.DeliverAsync(change, timeout.Token);
            try
            {
                // WaitAsync: a destination that ignores its token still lets go of this loop.
                result = await delivery.WaitAsync(DeliveryTimeout, time, ct);
            }
            catch (TimeoutException) when (!delivery.IsCompleted)
            {
                throw new TimeoutException($"no answer within {DeliveryTimeout.TotalSeconds:0} s");
            }
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            if (destination.Retries is not null)
            {
                await store.Destinations.RecordAsync(new Delivery(destination.Name, change.Seq, change.Id, change.Type,
                    Seconds(time.GetUtcNow()), false, e.Message, attempt), ct);
            }
            throw;
        }
        if (destination.Retries is not null && result is not null)
        {
            await store.Destinations.RecordAsync(new Delivery(destination.Name, change.Seq, change.Id, change.Type,
                Seconds(time.GetUtcNow()), true, result, attempt), ct);
        }
        return result;
    }

    private async Task RunAsync(Run run, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            var wake = signal.Next;
            try
            {
                if (!await HoldAsync(run, ct) || run.Stopped)
                {
                    // Another instance delivers, or an admin has yet to start it again: look again later.
                    await Task.Delay(Standby, time, ct);
                    continue;
                }
                var events = await store.Events.ReadAsync(run.Cursor, Batch, ct);
                var handled = 0;
                foreach (var change in events)
                {
                    if (!await HoldAsync(run, ct) || run.Stopped || !await DeliverAsync(run, change, ct))
                    {
                        break;
                    }
                    run.Cursor = change.Seq;
                    handled++;
                }
                if (handled > 0)
                {
                    await store.Events.AdvanceAsync(run.Destination.Name, run.Cursor, ct);
                }
                if (handled == Batch)
                {
                    continue;
                }
                if (await Task.WhenAny(wake, Task.Delay(Poll, time, ct)) == wake)
                {
                    await Task.Delay(Gather, time, ct);
                }
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
                    log.LogError(e, "Reading the event log for {Destination} failed", run.Destination.Name);
                }
                await Task.Delay(TimeSpan.FromSeconds(5), time, ct);
            }
        }
    }

    // Takes or renews the lease when due; a stopped destination is looked at every time, to see an admin start it.
    private async Task<bool> HoldAsync(Run run, CancellationToken ct)
    {
        var now = Now();
        if (run.HeldUntil - now > Lease.TotalSeconds * 3 / 4 && !run.Stopped)
        {
            return true;
        }
        var state = await store.Destinations.HoldAsync(run.Destination.Name, _holder, now, now + Lease.TotalSeconds, ct);
        if (!state.Held)
        {
            run.HeldUntil = double.NegativeInfinity;
            return false;
        }
        if (double.IsNegativeInfinity(run.HeldUntil))
        {
            // Just taken: another instance may have moved the cursor and the retry state on.
            run.Cursor = await store.Events.CursorAsync(run.Destination.Name, ct);
            run.Failures = state.Failures;
            run.RetryAt = state.RetryAt;
        }
        if (run.Stopped && state.Disabled is null)
        {
            log.LogInformation("{Destination} runs again", run.Destination.Name);
            run.Failures = state.Failures;
            run.RetryAt = state.RetryAt;
        }
        run.Stopped = state.Disabled is not null;
        run.HeldUntil = now + Lease.TotalSeconds;
        return true;
    }

    // Tries one event until it is handled (true), or until the destination stops or this instance lets go of it (false).
    // Between failures the cursor stands just before the event, so a restart or another instance resumes there.
    private async Task<bool> DeliverAsync(Run run, ChangeEvent change, CancellationToken ct)
    {
        var destination = run.Destination;
        if (run.RetryAt is { } due && !await WaitAsync(run, TimeSpan.FromSeconds(due - Now()), ct))
        {
            return false;
        }
        while (true)
        {
            try
            {
                await AttemptAsync(destination, change, run.Failures + 1, store, time, ct);
                if (run.Failures > 0)
                {
                    log.LogInformation("{Destination} handled event {Id} after {Failures} failed attempts", destination.Name, change.Id, run.Failures);
                    await SaveAsync(run, 0, null, ct);
                }
                return true;
            }
            catch (DestinationGoneException e) when (!ct.IsCancellationRequested)
            {
                await DisableAsync(run, change, e.Message, ct);
                return false;
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                metrics.DeliveryFailed(destination.Name);
                var failures = run.Failures + 1;
                if (Wait(destination, failures, e) is not { } wait)
                {
                    await DisableAsync(run, change, $"{failures} failed attempts in a row; the last: {e.Message}", ct);
                    return false;
                }
                log.LogWarning("{Destination} failed on event {Id} ({Type} of comment {Comment}): {Reason}; next try in {Wait}",
                    destination.Name, change.Id, change.Type, change.Comment?.Id, e.Message, wait);
                if (failures == 1 && run.Cursor > 0)
                {
                    await store.Events.AdvanceAsync(destination.Name, run.Cursor, ct);
                }
                await SaveAsync(run, failures, Now() + wait.TotalSeconds, ct);
                if (!await WaitAsync(run, wait, ct))
                {
                    return false;
                }
            }
        }
    }

    // The schedule's wait before the next try, or null when an endpoint's retries are used up.
    private static TimeSpan? Wait(IEventDestination destination, int failures, Exception e)
    {
        TimeSpan wait;
        if (destination.Retries is { } schedule)
        {
            if (failures > schedule.Count)
            {
                return null;
            }
            wait = schedule[failures - 1];
        }
        else
        {
            wait = TimeSpan.FromTicks(Math.Min(FirstRetry.Ticks << Math.Min(failures - 1, 20), LongestRetry.Ticks));
        }
        if (e is RetryLaterException { After: { } asked })
        {
            wait = asked < TimeSpan.Zero ? TimeSpan.Zero : asked < LongestAskedWait ? asked : LongestAskedWait;
        }
        return wait;
    }

    // Sleeps, keeping the lease; false when this instance no longer delivers for the destination, or it was stopped.
    private async Task<bool> WaitAsync(Run run, TimeSpan wait, CancellationToken ct)
    {
        for (var left = wait; left > TimeSpan.Zero; left -= Lease / 4)
        {
            await Task.Delay(left < Lease / 4 ? left : Lease / 4, time, ct);
            if (!await HoldAsync(run, ct) || run.Stopped)
            {
                return false;
            }
        }
        run.RetryAt = null;
        return true;
    }

    private async Task DisableAsync(Run run, ChangeEvent change, string reason, CancellationToken ct)
    {
        log.LogError("{Destination} is stopped on event {Id}: {Reason}. Nothing more is sent to it until it is started again (admin panel, Webhooks)",
            run.Destination.Name, change.Id, reason);
        if (run.Cursor > 0)
        {
            await store.Events.AdvanceAsync(run.Destination.Name, run.Cursor, ct);
        }
        await store.Destinations.SetAsync(run.Destination.Name, 0, null, Now(), reason, ct);
        run.Stopped = true;
        run.Failures = 0;
        run.RetryAt = null;
    }

    private async Task SaveAsync(Run run, int failures, double? retryAt, CancellationToken ct)
    {
        run.Failures = failures;
        run.RetryAt = retryAt;
        await store.Destinations.SetAsync(run.Destination.Name, failures, retryAt, null, null, ct);
    }

    private async Task TrimAsync(CancellationToken ct)
    {
        // The first trim waits until each destination has been held once: trimming passes over those nobody has held
        // for the retention time, which after a long shutdown would be all of them.
        await Task.Delay(Lease / 4, time, ct);
        while (!ct.IsCancellationRequested)
        {
            try
            {
                var trimmed = await store.Events.TrimAsync(Now() - config.Current.Events.Retention, ct);
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

    private double Now() => Seconds(time.GetUtcNow());

    private static double Seconds(DateTimeOffset at) => (at - DateTimeOffset.UnixEpoch).TotalSeconds;

    // What this instance knows of one destination while it delivers for it.
    private sealed class Run(IEventDestination destination)
    {
        public IEventDestination Destination { get; } = destination;
        public long Cursor { get; set; }
        public double HeldUntil { get; set; } = double.NegativeInfinity;
        public bool Stopped { get; set; }
        public int Failures { get; set; }
        public double? RetryAt { get; set; }
    }
}
