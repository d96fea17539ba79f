using System.Globalization;
using System.Text;

namespace Parley.Core.Security;

/// <summary>
/// Compact JSON written the way Python's <c>json.dumps(separators=(",", ":"), ensure_ascii=False)</c>
/// writes it, because signed tokens must match Isso's byte for byte.
/// </summary>
public static class PyJson
{
    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

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
