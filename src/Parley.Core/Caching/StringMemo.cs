using System.Collections.Concurrent;

namespace Parley.Core.Caching;

/// <summary>
/// Remembers the results of a costly, pure string function up to a budget. Past the budget it starts empty:
/// cheaper than tracking use, and the busy entries come straight back. Safe for concurrent callers; two of them
/// may compute the same entry once each.
/// </summary>
/// <param name="budget">What the entries may cost in all.</param>
/// <param name="cost">What one entry costs, from its key and value.</param>
public sealed class StringMemo(long budget, Func<string, string, long> cost)
{
    private readonly ConcurrentDictionary<string, string> _entries = new(StringComparer.Ordinal);
    private long _spent;

    public int Count => _entries.Count;

    public string GetOrAdd(string key, Func<string, string> compute)
    {
        ArgumentNullException.ThrowIfNull(compute);
        if (_entries.TryGetValue(key, out var known))
        {
            return known;
        }
        var value = compute(key);
        var price = cost(key, value);
        if (Interlocked.Add(ref _spent, price) > budget)
        {
            _entries.Clear();
            Interlocked.Exchange(ref _spent, price);
        }
        _entries.TryAdd(key, value);
        return value;
    }
}
