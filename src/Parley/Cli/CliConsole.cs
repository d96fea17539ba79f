namespace Parley.Cli;

/// <summary>
/// Where a command reads and writes: the process's console, or strings in tests (which run commands in-process
/// and must not share the global <see cref="Console"/>).
/// </summary>
internal sealed record CliConsole(TextWriter Out, TextWriter Error, TextReader In, Func<Stream> OpenStandardOutput)
{
    /// <summary>Whether a person can answer a question on standard input.</summary>
    public bool CanPrompt { get; init; }

    /// <summary>Whether standard output is a terminal, where a progress line helps rather than litters.</summary>
    public bool ShowsProgress { get; init; }

    public static CliConsole System => new(Console.Out, Console.Error, Console.In, Console.OpenStandardOutput)
    {
        CanPrompt = !Console.IsInputRedirected,
        ShowsProgress = !Console.IsOutputRedirected,
    };
}
