namespace Parley.Core.Config;

/// <summary>
/// One thing wrong with a configuration: where (<c>[section] key</c>, and the line when known) and what.
/// <paramref name="Section"/> is empty when the problem is not inside any section; <paramref name="Key"/> is null
/// when it concerns a whole section or the file.
/// </summary>
public sealed record ConfigProblem(string Section, string? Key, string Message, int? Line = null)
{
    public override string ToString()
    {
        var place = (Section.Length, Key) switch
        {
            (0, null) => "",
            (0, _) => $"{Key}: ",
            (_, null) => $"[{Section}]: ",
            _ => $"[{Section}] {Key}: ",
        };
        var line = Line is { } n ? $" (line {n})" : "";
        return place + Message + line;
    }
}
