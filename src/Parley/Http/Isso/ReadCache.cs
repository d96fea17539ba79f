using System.Collections.Concurrent;
using Parley.Core.Config;
using Parley.Core.Storage;
using Parley.Hosting.Metrics;

namespace Parley.Http.Isso;

/// <summary>
/// Finished answers of the busiest reads (thread fetch, counts), each kept until a thread it depends on changes or
/// the configuration is reloaded. A write drops only the answers of the threads it touched: the store's change record
/// (<see cref="ICommentStore.ThreadChangesAsync"/>) says which, for writes by this process or any other.
/// </summary>
/// <remarks>
/// Before an answer is looked up or built, <see cref="SyncAsync"/> reads the change record up to the present (only when
/// the database's change version moved, which costs no disk access). An answer is labelled with the point reached
/// before its data was read, and is valid while none of its threads changed after that point: it can only ever be
/// labelled older than its content, so the worst a race does is build it twice. Thread id 0 stands for "a thread that
/// does not exist yet" (answers for unknown uris): it changes whenever a thread is created.
/// </remarks>
internal sealed class ReadCache(ICommentStore store, ParleyMetrics metrics) : IDisposable
{
    private const long ByteBudget = 16 * 1024 * 1024;
    private const int LargestEntry = 1024 * 1024;
    private const int MostCounts = 100_000;

    private readonly SemaphoreSlim _sync = new(1, 1);
    private readonly ConcurrentDictionary<string, Build> _building = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<long, long> _changedAt = new();
    private State _state = new(long.MinValue, 0, 0);
    private Entries _entries = new(new ParleyConfig(), 0);

    /// <summary>
    /// The kept answer for <paramref name="key"/>, or one <paramref name="build"/> makes (and keeps, for the threads it
    /// names). Requests that miss the same key together share one build, so a write to a busy thread costs one rebuild,
    /// not one per waiting reader; a build joins only if it started late enough to show every change this request
    /// must see.
    /// </summary>
    public async Task<CachedAnswer> GetAsync(ParleyConfig config, string key,
        Func<Point, Task<(byte[][] Body, IReadOnlyList<long> Threads)>> build, CancellationToken ct)
    {
        var at = await SyncAsync(ct);
        if (Find(config, key) is { } kept)
        {
            metrics.CacheLookup(hit: true);
            return kept;
        }
        metrics.CacheLookup(hit: false);
        if (_building.TryGetValue(key, out var running) && Covers(running, at, config, key))
        {
            return await running.Answer.WaitAsync(ct);
        }
        var mine = new Build(at, config, BuildAsync(at, config, key, build));
        _building[key] = mine;
        try
        {
            return await mine.Answer.WaitAsync(ct);
        }
        finally
        {
            _building.TryRemove(new KeyValuePair<string, Build>(key, mine));
        }
    }

    // A running build serves this request if it shows every change the request must see: it started at or after the
    // request's point, or no thread its key showed last time changed since it started. Without the second case, any
    // write anywhere would make each reader of a busy thread start a build of its own while one is running.
    private bool Covers(Build running, Point at, ParleyConfig config, string key)
    {
        if (!ReferenceEquals(running.Config, config) || running.At.Epoch != at.Epoch)
        {
            return false;
        }
        if (running.At.Last >= at.Last)
        {
            return true;
        }
        var entries = Volatile.Read(ref _entries);
        if (!entries.Map.TryGetValue(key, out var previous) || previous.Epoch != at.Epoch)
        {
            return false;
        }
        foreach (var tid in previous.Threads)
        {
            if (_changedAt.TryGetValue(tid, out var changed) && changed > running.At.Last)
            {
                return false;
            }
        }
        return true;
    }

    private async Task<CachedAnswer> BuildAsync(Point at, ParleyConfig config, string key,
        Func<Point, Task<(byte[][] Body, IReadOnlyList<long> Threads)>> build)
    {
        // Yield first: the build must not run inside the caller's lock-free check above.
        await Task.Yield();
        var (body, threads) = await build(at);
        return Keep(at, config, key, body, threads);
    }

    /// <summary>Brings the change record up to this moment; returns the point answers built now are labelled with.</summary>
    public async ValueTask<Point> SyncAsync(CancellationToken ct)
    {
        var version = await store.ChangeVersionAsync(ct);
        var state = Volatile.Read(ref _state);
        if (state.Version == version)
        {
            return new Point(state.Last, state.Epoch);
        }
        await _sync.WaitAsync(ct);
        try
        {
            state = _state;
            if (state.Version == version)
            {
                return new Point(state.Last, state.Epoch);
            }
            // The version is read before the record, so a write committed in between is found by the next sync.
            version = await store.ChangeVersionAsync(ct);
            var changes = await store.ThreadChangesAsync(state.Last, ct);
            var epoch = state.Epoch;
            if (changes.Everything)
            {
                _changedAt.Clear();
                epoch++;
            }
            foreach (var tid in changes.Threads)
            {
                _changedAt[tid] = changes.Last;
            }
            Volatile.Write(ref _state, new State(version, changes.Last, epoch));
            return new Point(changes.Last, epoch);
        }
        finally
        {
            _sync.Release();
        }
    }

    public CachedAnswer? Find(ParleyConfig config, string key)
    {
        var entries = Volatile.Read(ref _entries);
        if (!ReferenceEquals(entries.Config, config) || !entries.Map.TryGetValue(key, out var entry))
        {
            return null;
        }
        if (entry.Epoch != Volatile.Read(ref _state).Epoch)
        {
            return null;
        }
        foreach (var tid in entry.Threads)
        {
            if (_changedAt.TryGetValue(tid, out var changed) && changed > entry.Last)
            {
                return null;
            }
        }
        return entry.Answer;
    }

    /// <summary>
    /// The published comments of <paramref name="uri"/> as last counted, while its thread is unchanged: a count
    /// answer for many threads after a write to one of them counts that one again, not all of them.
    /// </summary>
    public (int Count, long Thread)? FindCount(ParleyConfig config, string uri)
    {
        var entries = Volatile.Read(ref _entries);
        if (!ReferenceEquals(entries.Config, config) || !entries.Counts.TryGetValue(uri, out var kept)
            || kept.Epoch != Volatile.Read(ref _state).Epoch)
        {
            return null;
        }
        return _changedAt.TryGetValue(kept.Thread, out var changed) && changed > kept.Last ? null : (kept.Count, kept.Thread);
    }

    /// <summary>Keeps the count of <paramref name="uri"/> (thread <paramref name="thread"/>, 0 for none), read after <paramref name="at"/>.</summary>
    public void KeepCount(Point at, ParleyConfig config, string uri, long thread, int count)
    {
        var entries = Volatile.Read(ref _entries);
        if (!ReferenceEquals(entries.Config, config))
        {
            return;
        }
        // Uris come from request bodies: a bound, so made-up ones cannot grow it without end.
        if (entries.Counts.Count >= MostCounts)
        {
            entries.Counts.Clear();
        }
        entries.Counts[uri] = new CountEntry(count, thread, at.Last, at.Epoch);
    }

    /// <summary>Keeps <paramref name="body"/>, built from data read after <paramref name="at"/>, for the threads it shows.</summary>
    public CachedAnswer Keep(Point at, ParleyConfig config, string key, byte[][] body, IReadOnlyList<long> threads)
    {
        var answer = new CachedAnswer(body);
        if (answer.Length > LargestEntry)
        {
            return answer;
        }
        var entries = Volatile.Read(ref _entries);
        if (!ReferenceEquals(entries.Config, config) || entries.Bytes + answer.Length > ByteBudget)
        {
            var fresh = new Entries(config, 0);
            entries = Interlocked.CompareExchange(ref _entries, fresh, entries) == entries ? fresh : Volatile.Read(ref _entries);
            if (!ReferenceEquals(entries.Config, config))
            {
                return answer;
            }
        }
        var entry = new Entry(answer, [.. threads], at.Last, at.Epoch);
        var added = true;
        entries.Map.AddOrUpdate(key, entry, (_, _) =>
        {
            added = false;
            return entry;
        });
        if (added)
        {
            Interlocked.Add(ref entries.Bytes, answer.Length + key.Length * sizeof(char));
        }
        return answer;
    }

    public void Dispose() => _sync.Dispose();

    /// <summary>A point of the change record: answers labelled with it show every change up to it.</summary>
    public readonly record struct Point(long Last, long Epoch);

    private sealed record State(long Version, long Last, long Epoch);

    private sealed record Build(Point At, ParleyConfig Config, Task<CachedAnswer> Answer);

    private sealed record Entry(CachedAnswer Answer, long[] Threads, long Last, long Epoch);

    private sealed record CountEntry(int Count, long Thread, long Last, long Epoch);

    private sealed class Entries(ParleyConfig config, long bytes)
    {
        // Compared by reference: each reload makes a new record, and comparing the values would cost every read.
        public readonly ParleyConfig Config = config;
        public readonly ConcurrentDictionary<string, Entry> Map = new(StringComparer.Ordinal);
        public readonly ConcurrentDictionary<string, CountEntry> Counts = new(StringComparer.Ordinal);
        public long Bytes = bytes;
    }
}
