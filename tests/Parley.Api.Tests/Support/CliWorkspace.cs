using Microsoft.Data.Sqlite;
using Parley.Cli;
using Parley.Core.Config;
using Parley.Core.Storage;
using Parley.Storage;

namespace Parley.Api.Tests.Support;

/// <summary>
/// A temporary folder with an <c>isso.cfg</c> naming its own <c>comments.db</c>, and the CLI commands run
/// in-process against it with their console captured (never the process's shared <see cref="Console"/>).
/// </summary>
public sealed class CliWorkspace : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "parley-cli-" + Guid.NewGuid().ToString("n"));

    public CliWorkspace()
    {
        Directory.CreateDirectory(_directory);
        File.WriteAllText(ConfigPath, $"[general]\ndbpath = {DbPath}\nhost = http://localhost:8080\n");
    }

    public string ConfigPath => Path.Combine(_directory, "isso.cfg");

    public string DbPath => Path.Combine(_directory, "comments.db");

    public string PathOf(string name) => Path.Combine(_directory, name);

    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "fixtures", "import", name);

    /// <summary>Runs <c>parley import</c>; <paramref name="answer"/> is typed at the prompt when given (a terminal).</summary>
    internal async Task<CliRun> ImportAsync(string file, string? type = null, bool dryRun = false, bool yes = false, string? answer = null)
    {
        var (console, output, error) = Console(answer);
        var exit = await ImportCommand.RunAsync(new ImportArgs(ConfigPath, file, type, dryRun, yes), console, CancellationToken.None);
        return new CliRun(exit, output.ToString(), error.ToString(), []);
    }

    /// <summary>Runs <c>parley export</c>, to <paramref name="outputPath"/> or captured standard output.</summary>
    internal async Task<CliRun> ExportAsync(string? outputPath = null)
    {
        var (console, output, error) = Console(null);
        var stdout = new MemoryStream();
        console = console with { OpenStandardOutput = () => stdout };
        var exit = await ExportCommand.RunAsync(ConfigPath, outputPath, console, TimeProvider.System, CancellationToken.None);
        return new CliRun(exit, output.ToString(), error.ToString(), stdout.ToArray());
    }

    public ICommentStore OpenStore() => StoreFactory.Open(new ParleyConfig { General = new GeneralConfig { DbPath = DbPath } });

    public IReadOnlyList<string> Snapshot() => DatabaseSnapshot.Read(DbPath, "threads", "comments");

    private static (CliConsole Console, StringWriter Output, StringWriter Error) Console(string? answer)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var console = new CliConsole(output, error, new StringReader(answer ?? ""), () => Stream.Null) { CanPrompt = answer is not null };
        return (console, output, error);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the temp cleaner; no result depends on it.
        }
    }
}

/// <summary>What a CLI command returned and printed.</summary>
internal sealed record CliRun(int Exit, string Output, string Error, byte[] Stdout)
{
    public string LastLine => Output.TrimEnd().Split('\n')[^1];
}
