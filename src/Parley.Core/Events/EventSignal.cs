namespace Parley.Core.Events;

/// <summary>
/// Tells every waiting destination that a write has recorded events, so none needs to poll quickly. Take
/// <see cref="Next"/> before reading the log: a write committed after that read still completes it.
/// </summary>
public sealed class EventSignal
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes at the next <see cref="Notify"/>.</summary>
    public Task Next => Volatile.Read(ref _next).Task;

    public void Notify() =>
        Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}
