using System.Text.Json;

namespace Parley.Benchmarks.Baseline;

/// <summary>
/// One answer Parley gave, saved so the baseline can give the same bytes: the request is
/// <see cref="Method"/> and <see cref="Target"/> (path and query exactly as sent).
/// </summary>
internal sealed record CapturedResponse(string Method, string Target, int Status, string? ContentType, byte[] Body)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static void Save(string path, IReadOnlyList<CapturedResponse> responses) =>
        File.WriteAllBytes(path, JsonSerializer.SerializeToUtf8Bytes(responses, Json));

    public static IReadOnlyList<CapturedResponse> Load(string path) =>
        JsonSerializer.Deserialize<List<CapturedResponse>>(File.ReadAllBytes(path), Json)
        ?? throw new BenchError($"{path} holds no responses");
}
