namespace Parley.Core.Email;

/// <summary>Wakes the delivery worker when a mail enters the outbox, so it need not poll quickly.</summary>
public sealed class OutboxSignal : IDisposable
{
    private readonly SemaphoreSlim _waiting = new(0, 1);

    public void Notify()
    {
        try
        {
            _waiting.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled: one wake-up covers every mail queued before the worker looks.
        }
    }

    /// <summary>Completes when <see cref="Notify"/> was called (now or earlier) or <paramref name="ct"/> fires.</summary>
    public Task WaitAsync(CancellationToken ct) => _waiting.WaitAsync(ct);

    public void Dispose() => _waiting.Dispose();
}
