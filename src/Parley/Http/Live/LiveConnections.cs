using System.Collections.Concurrent;

namespace Parley.Http.Live;

/// <summary>
/// How many live streams are open, in total and per client network: each holds a connection and a reader of the event
/// log, so neither one reader nor everyone together may open them without end.
/// </summary>
internal sealed class LiveConnections
{
    public const int PerAddress = 4;
    public const int Total = 1000;

    private readonly ConcurrentDictionary<string, int> _byAddress = new(StringComparer.Ordinal);
    private int _total;

    /// <summary>A slot for <paramref name="address"/>, or null with the reason the stream is refused.</summary>
    public (IDisposable? Slot, string? Refusal) TryOpen(string address)
    {
        if (Interlocked.Increment(ref _total) > Total)
        {
            Interlocked.Decrement(ref _total);
            return (null, "too many live streams are open on this server; try again later");
        }
        if (_byAddress.AddOrUpdate(address, 1, (_, n) => n + 1) > PerAddress)
        {
            Release(address);
            return (null, $"at most {PerAddress} live streams from one network");
        }
        return (new Slot(this, address), null);
    }

    private void Release(string address)
    {
        Interlocked.Decrement(ref _total);
        // Counted down under the dictionary's own rules; an entry at zero is removed only if still zero.
        if (_byAddress.AddOrUpdate(address, 0, (_, n) => n - 1) <= 0)
        {
            _byAddress.TryRemove(new KeyValuePair<string, int>(address, 0));
        }
    }

    private sealed class Slot(LiveConnections owner, string address) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                owner.Release(address);
            }
        }
    }
}
