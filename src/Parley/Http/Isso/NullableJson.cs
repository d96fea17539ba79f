using System.Text.Json;

namespace Parley.Http.Isso;

/// <summary>Isso writes absent numbers as JSON null rather than leaving the key out.</summary>
internal static class NullableJson
{
    public static void WriteNullable(this Utf8JsonWriter w, string name, long? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    public static void WriteNullable(this Utf8JsonWriter w, string name, double? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }
}
