namespace Parley.Api.Tests.Support;

/// <summary>One <c>COPY</c> of a Dockerfile: its sources, where they go, and the stage they come from (null: the build context).</summary>
public sealed record DockerCopy(IReadOnlyList<string> Sources, string Destination, string? FromStage);

/// <summary>The instructions of a Dockerfile, read as Docker does: comments dropped, continued lines joined.</summary>
public sealed class Dockerfile
{
    private Dockerfile(IReadOnlyList<string> instructions) => Instructions = instructions;

    /// <summary>Each instruction on one line, like <c>COPY a b ./</c>.</summary>
    public IReadOnlyList<string> Instructions { get; }

    public static Dockerfile Read(string path)
    {
        var instructions = new List<string>();
        var current = "";
        foreach (var raw in File.ReadAllLines(path))
        {
            var line = raw.Trim();
            if (line.StartsWith('#') || (line.Length == 0 && current.Length == 0))
            {
                continue;
            }
            current += line.TrimEnd('\\').Trim() + " ";
            if (!line.EndsWith('\\'))
            {
                instructions.Add(current.Trim());
                current = "";
            }
        }
        return new Dockerfile(instructions);
    }

    /// <summary>Instructions starting with <paramref name="keyword"/> (any case), without the keyword.</summary>
    public IEnumerable<string> Arguments(string keyword) =>
        Instructions.Where(i => i.StartsWith(keyword + " ", StringComparison.OrdinalIgnoreCase)).Select(i => i[(keyword.Length + 1)..].Trim());

    /// <summary>Every <c>COPY</c> in the shell form this project writes (the JSON form is refused, so nothing is missed).</summary>
    public IReadOnlyList<DockerCopy> Copies() => [.. Arguments("COPY").Select(arguments =>
    {
        if (arguments.StartsWith('['))
        {
            throw new InvalidOperationException($"COPY {arguments}: the JSON form is not read here; write the shell form");
        }
        var words = arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var flags = words.TakeWhile(w => w.StartsWith("--", StringComparison.Ordinal)).ToList();
        var paths = words.Skip(flags.Count).ToList();
        var from = flags.FirstOrDefault(f => f.StartsWith("--from=", StringComparison.Ordinal))?["--from=".Length..];
        return new DockerCopy(paths[..^1], paths[^1], from);
    })];
}
