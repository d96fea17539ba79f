using System.Collections.Concurrent;

namespace Parley.Http.Live;

/// <summary>
/// Each event's Server-Sent Events data, made once for every stream that carries it: a new comment on a page that many
/// readers hold open is read and rendered once, not once per reader. Kept for the latest events only.
/// </summary>
internal sealed class LiveFrames
{
    private const int Kept = 512;

    private readonly ConcurrentDictionary<long, Lazy<Task<string?>>> _frames = new();

    /// <summary>The data of event <paramref name="seq"/>: <paramref name="make"/>'s, made by the first stream that asks.</summary>
    public async Task<string?> GetAsync(long seq, Func<Task<string?>> make)
    {
        var frame = _frames.GetOrAdd(seq, _ => new Lazy<Task<string?>>(make));
        if (_frames.Count > Kept)
        {
            foreach (var old in _frames.Keys.Where(k => k <= seq - Kept))
            {
                _frames.TryRemove(old, out _);
            }
        }
        try
        {
            return await frame.Value;
        }
        catch
        {
            // A failed read is not kept: the next stream to ask tries again.
            _frames.TryRemove(new KeyValuePair<long, Lazy<Task<string?>>>(seq, frame));
            throw;
        }
    }
}
