using System.Globalization;

namespace Parley.Core.Config;

/// <summary>
/// Isso's integer values, which also accept time spans and mean seconds (spec/config.md §1.3): from the start of
/// the text, optional groups <c>Nw Nd Nh Nm Ns</c> in this order, each optionally followed by one space. A non-zero
/// total wins and the rest of the text is ignored (so <c>30m1h</c> is 1800); otherwise the whole text must be an
/// integer (so <c>0m</c> and <c>15 m</c> are invalid).
/// </summary>
public static class Durations
{
    private static readonly (char Unit, long Seconds)[] Units =
        [('w', 7 * 86400), ('d', 86400), ('h', 3600), ('m', 60), ('s', 1)];

    /// <summary>Seconds, or false when the text is neither a time span nor an integer, or does not fit an int.</summary>
    public static bool TryParse(string text, out int seconds)
    {
        ArgumentNullException.ThrowIfNull(text);
        seconds = 0;
        if (TrySpan(text, out var total) && total != 0)
        {
            return FitsInt(total, out seconds);
        }
        return TryInteger(text, out var plain) && FitsInt(plain, out seconds);
    }

    /// <summary>A span as the config writes it: whole hours, else whole minutes, else seconds (<c>2h</c>, <c>5m</c>, <c>90s</c>).</summary>
    public static string Format(TimeSpan span)
    {
        var seconds = (long)span.TotalSeconds;
        return seconds % 3600 == 0 && seconds > 0 ? $"{seconds / 3600}h" : seconds % 60 == 0 && seconds > 0 ? $"{seconds / 60}m" : $"{seconds}s";
    }

    private static bool TrySpan(string text, out long total)
    {
        total = 0;
        var position = 0;
        foreach (var (unit, factor) in Units)
        {
            var digitsEnd = position;
            while (digitsEnd < text.Length && char.IsAsciiDigit(text[digitsEnd]))
            {
                digitsEnd++;
            }
            if (digitsEnd == position || digitsEnd >= text.Length || text[digitsEnd] != unit)
            {
                continue; // this group is absent; the next one is tried at the same place
            }
            if (!long.TryParse(text.AsSpan(position, digitsEnd - position), NumberStyles.None, CultureInfo.InvariantCulture, out var count)
                || count > int.MaxValue)
            {
                total = long.MaxValue;
                return true;
            }
            total += count * factor;
            position = digitsEnd + 1;
            if (position < text.Length && text[position] == ' ')
            {
                position++;
            }
        }
        return true;
    }

    /// <summary>Python's int(): surrounding whitespace, a sign, and single underscores between digits.</summary>
    private static bool TryInteger(string text, out long value)
    {
        var trimmed = text.Trim();
        var digits = trimmed.TrimStart('+', '-');
        value = 0;
        if (trimmed.Length - digits.Length > 1 || digits.Length == 0 || digits[0] == '_' || digits[^1] == '_'
            || digits.Contains("__", StringComparison.Ordinal))
        {
            return false;
        }
        var negative = trimmed[0] == '-';
        var clean = digits.Replace("_", "", StringComparison.Ordinal);
        if (!clean.All(char.IsAsciiDigit) || !long.TryParse(clean, NumberStyles.None, CultureInfo.InvariantCulture, out value))
        {
            value = long.MaxValue; // digits, but too many of them
            return clean.All(char.IsAsciiDigit);
        }
        value = negative ? -value : value;
        return true;
    }

    private static bool FitsInt(long value, out int result)
    {
        result = value is >= int.MinValue and <= int.MaxValue ? (int)value : 0;
        return value is >= int.MinValue and <= int.MaxValue;
    }
}
