using System.Globalization;
using System.Text.Json;

namespace Parley.Core.Import;

/// <summary>Reads a JSON source file and its fields, every failure naming the line or the field at fault.</summary>
internal static class ImportJson
{
    public static JsonDocument Load(Stream input)
    {
        try
        {
            return JsonDocument.Parse(input, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException e)
        {
            // JsonException counts from zero; people count lines from one.
            var line = (e.LineNumber ?? 0) + 1;
            var position = (e.BytePositionInLine ?? 0) + 1;
            var reason = e.Message.Split(" LineNumber:", 2)[0].TrimEnd('.', ' ');
            throw new ImportException(string.Create(CultureInfo.InvariantCulture,
                $"line {line}, position {position}: not valid JSON ({reason})"), e);
        }
    }

    public static JsonElement Required(JsonElement obj, string key, string where) =>
        obj.TryGetProperty(key, out var value) ? value : throw new ImportException($"{where}: key \"{key}\" is missing");

    public static string String(JsonElement obj, string key, string where) => Required(obj, key, where) switch
    {
        { ValueKind: JsonValueKind.String } s => s.GetString()!,
        _ => throw new ImportException($"{where}: \"{key}\" must be a string"),
    };

    public static string? StringOrNull(JsonElement obj, string key, string where) => Required(obj, key, where) switch
    {
        { ValueKind: JsonValueKind.String } s => s.GetString(),
        { ValueKind: JsonValueKind.Null } => null,
        _ => throw new ImportException($"{where}: \"{key}\" must be a string or null"),
    };

    public static long Integer(JsonElement obj, string key, string where) =>
        Required(obj, key, where) is { ValueKind: JsonValueKind.Number } n && n.TryGetInt64(out var value)
            ? value : throw new ImportException($"{where}: \"{key}\" must be an integer");

    public static long? IntegerOrNull(JsonElement obj, string key, string where) =>
        Required(obj, key, where).ValueKind == JsonValueKind.Null ? null : Integer(obj, key, where);

    public static double Number(JsonElement obj, string key, string where) =>
        Required(obj, key, where) is { ValueKind: JsonValueKind.Number } n && n.TryGetDouble(out var value)
            ? value : throw new ImportException($"{where}: \"{key}\" must be a number");

    public static double? NumberOrNull(JsonElement obj, string key, string where) =>
        Required(obj, key, where).ValueKind == JsonValueKind.Null ? null : Number(obj, key, where);

    public static JsonElement.ArrayEnumerator Array(JsonElement obj, string key, string where) =>
        Required(obj, key, where) is { ValueKind: JsonValueKind.Array } a ? a.EnumerateArray()
            : throw new ImportException($"{where}: \"{key}\" must be an array");

    public static void Object(JsonElement value, string where)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            throw new ImportException($"{where}: must be a JSON object");
        }
    }
}
