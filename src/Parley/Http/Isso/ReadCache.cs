using System.Collections.Concurrent;
using System.Security.Cryptography;
using Parley.Core.Config;

namespace Parley.Http.Isso;

/// <summary>
/// Finished answers of the busiest reads (thread fetch, counts), kept while the database's change version and the
/// configuration in effect stay the same. Any committed write, from this process or another, moves the version on,
/// and a reload brings a new configuration: either retires them all at once.
/// </summary>
/// <remarks>
/// Both are read before the answer is built, so an entry is never labelled newer than its content; the worst a
/// race can do is build an answer twice. Bounded by bytes: past the budget the generation starts empty.
/// </remarks>
internal sealed class ReadCache
{
    private const long ByteBudget = 16 * 1024 * 1024;
    private const int LargestEntry = 1024 * 1024;

    private Generation _current = new(long.MinValue, new ParleyConfig());

    public CachedAnswer? Find(long version, ParleyConfig config, string key)
    {
        var generation = Volatile.Read(ref _current);
        return generation.Version == version && ReferenceEquals(generation.Config, config) && generation.Entries.TryGetValue(key, out var answer)
            ? answer
            : null;
    }

    public CachedAnswer Keep(long version, ParleyConfig config, string key, byte[] body)
    {
        var answer = new CachedAnswer(body);
        if (body.Length > LargestEntry)
        {
            return answer;
        }
        var generation = Volatile.Read(ref _current);
        if (generation.Version != version || !ReferenceEquals(generation.Config, config) || generation.Bytes + body.Length > ByteBudget)
        {
            var fresh = new Generation(version, config);
            generation = Interlocked.CompareExchange(ref _current, fresh, generation) == generation ? fresh : Volatile.Read(ref _current);
            if (generation.Version != version || !ReferenceEquals(generation.Config, config))
            {
                return answer;
            }
        }
        if (generation.Entries.TryAdd(key, answer))
        {
            Interlocked.Add(ref generation.Bytes, body.Length + key.Length * sizeof(char));
        }
        return answer;
    }

    private sealed class Generation(long version, ParleyConfig config)
    {
        public readonly long Version = version;
        // Compared by reference: each reload makes a new record, and comparing the values would cost every read.
        public readonly ParleyConfig Config = config;
        public readonly ConcurrentDictionary<string, CachedAnswer> Entries = new(StringComparer.Ordinal);
        public long Bytes;
    }
}

/// <summary>A finished JSON answer and its entity tag (a digest of the bytes, so equal answers share a tag).</summary>
internal sealed class CachedAnswer(byte[] body)
{
    public byte[] Body { get; } = body;

    public string ETag { get; } = $"\"{Convert.ToBase64String(SHA256.HashData(body), 0, 15).Replace('+', '-').Replace('/', '_')}\"";
}
