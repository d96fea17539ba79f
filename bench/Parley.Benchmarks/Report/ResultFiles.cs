using System.Text.Encodings.Web;
using System.Text.Json;

namespace Parley.Benchmarks.Report;

/// <summary>Writes latest.json (every figure) and latest.md (the readable report) into the output folder.</summary>
internal static class ResultFiles
{
    // A file for people and scripts, never embedded in HTML: "≥" and "+" stay as they are.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Write(string folder, BenchReport report, string markdown)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "latest.json"), JsonSerializer.Serialize(report, Json) + "\n");
        File.WriteAllText(Path.Combine(folder, "latest.md"), markdown);
    }
}
