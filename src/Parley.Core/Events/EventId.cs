namespace Parley.Core.Events;

/// <summary>
/// Public event ids, ULID-shaped: <c>evt_</c>, ten Crockford base-32 digits of the millisecond the event happened,
/// sixteen of its sequence number. Derived from what the log stores, so an id never changes and needs no column,
/// and the sequence number can be read back (a live stream's <c>Last-Event-ID</c>).
/// </summary>
public static class EventId
{
    private const string Digits = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private const string Prefix = "evt_";

    public static string Format(long seq, double created)
    {
        var ms = (ulong)Math.Max(0, (long)Math.Round(created * 1000));
        return string.Create(Prefix.Length + 26, (ms, seq), static (span, state) =>
        {
            Prefix.AsSpan().CopyTo(span);
            Write(span.Slice(Prefix.Length, 10), state.ms);
            Write(span.Slice(Prefix.Length + 10, 16), (ulong)state.seq);
        });
    }

    /// <summary>The sequence number inside <paramref name="id"/>; false when it is not an event id.</summary>
    public static bool TryParseSeq(string? id, out long seq)
    {
        seq = 0;
        if (id is null || id.Length != Prefix.Length + 26 || !id.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }
        ulong value = 0;
        foreach (var c in id.AsSpan(Prefix.Length + 10))
        {
            var digit = Digits.IndexOf(char.ToUpperInvariant(c), StringComparison.Ordinal);
            if (digit < 0)
            {
                return false;
            }
            if (value > (ulong.MaxValue >> 5))
            {
                return false;
            }
            value = (value << 5) | (uint)digit;
        }
        seq = (long)value;
        return value <= long.MaxValue;
    }

    private static void Write(Span<char> span, ulong value)
    {
        for (var i = span.Length - 1; i >= 0; i--)
        {
            span[i] = Digits[(int)(value & 31)];
            value >>= 5;
        }
    }
}
