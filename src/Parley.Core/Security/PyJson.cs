using System.Globalization;
using System.Text;

namespace Parley.Core.Security;

/// <summary>
/// Compact JSON written the way Python's <c>json.dumps(separators=(",", ":"))</c> writes it, because signed tokens
/// (<c>ensure_ascii=False</c>) and webhook bodies (Python's default, <c>ensure_ascii=True</c>) must match Isso's byte
/// for byte.
/// </summary>
public static class PyJson
{
    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A float as Python's <c>repr</c> writes it: the shortest text that reads back, with <c>.0</c> on whole numbers.</summary>
    public static string Repr(double value)
    {
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        return double.IsFinite(value) && Math.Abs(value) < 1e16 && !text.Contains('.', StringComparison.Ordinal)
            && !text.Contains('E', StringComparison.Ordinal) ? text + ".0" : text;
    }

    /// <summary>A string as <c>ensure_ascii=True</c> writes it: DEL and every character past ASCII as <c>\uXXXX</c> (lower-case hex).</summary>
    public static string AsciiStr(string value)
    {
        var sb = new StringBuilder(value.Length + 2);
        foreach (var c in Str(value))
        {
            if (c > 0x7e)
            {
                sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                sb.Append(c);
            }
        }
        return sb.ToString();
    }

    public static string Str(string value)
    {
        var sb = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                default:
                    if (c < 0x20)
                    {
                        sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }
                    break;
            }
        }
        return sb.Append('"').ToString();
    }

    public static string Array(params string[] encodedItems) => "[" + string.Join(',', encodedItems) + "]";
}
