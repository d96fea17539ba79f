using System.Buffers.Text;

namespace Parley.Http.Isso;

/// <summary>
/// Bytes of JSON put together from pieces already written (<see cref="CommentFragments"/>) and the numbers between
/// them (<see cref="System.Text.Json.Utf8JsonWriter"/> cannot continue an object whose start it did not write), kept
/// in chunks below the large object heap's threshold: a busy thread's answer is rebuilt after every write to it, and
/// one array of its whole size each time would make each rebuild cost a full garbage collection.
/// </summary>
internal sealed class RawJson
{
    private const int ChunkSize = 64 * 1024;

    private readonly List<byte[]> _full = [];
    private byte[] _chunk = new byte[ChunkSize];
    private int _used;

    public void Raw(ReadOnlySpan<byte> json)
    {
        while (json.Length > 0)
        {
            if (_used == ChunkSize)
            {
                _full.Add(_chunk);
                _chunk = new byte[ChunkSize];
                _used = 0;
            }
            var take = Math.Min(json.Length, ChunkSize - _used);
            json[..take].CopyTo(_chunk.AsSpan(_used));
            _used += take;
            json = json[take..];
        }
    }

    public void Number(long value)
    {
        Span<byte> digits = stackalloc byte[20];
        Utf8Formatter.TryFormat(value, digits, out var written);
        Raw(digits[..written]);
    }

    public void Number(long? value)
    {
        if (value is { } n)
        {
            Number(n);
        }
        else
        {
            Raw("null"u8);
        }
    }

    /// <summary>The chunks written, the last cut to its length.</summary>
    public byte[][] ToChunks() => [.. _full, _chunk.AsSpan(0, _used).ToArray()];
}
