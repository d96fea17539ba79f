namespace Parley.Benchmarks.Report;

/// <summary>Replaces what lies between the README's bench markers with the latest report; the rest stays byte for byte.</summary>
internal static class ReadmeSection
{
    private const string Start = "<!-- bench:start -->";
    private const string End = "<!-- bench:end -->";

    public static void Update(string readmePath, string markdown)
    {
        var text = File.ReadAllText(readmePath);
        var start = text.IndexOf(Start, StringComparison.Ordinal);
        var end = text.IndexOf(End, StringComparison.Ordinal);
        if (start < 0 || end < start)
        {
            throw new BenchError($"{readmePath} has no '{Start}' … '{End}' markers to write the results between");
        }
        var before = text[..(start + Start.Length)];
        File.WriteAllText(readmePath, $"{before}\n{markdown}{text[end..]}");
    }
}
