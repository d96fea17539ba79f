using Parley.Core.Config;

namespace Parley.Api.Tests.Support;

/// <summary>An <c>isso.cfg</c> in its own temporary folder, deleted on dispose.</summary>
public sealed class TempConfig : IDisposable
{
    private readonly string _directory;

    private TempConfig(string text)
    {
        _directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "parley-cli-" + Guid.NewGuid().ToString("n"));
        Directory.CreateDirectory(_directory);
        Path = System.IO.Path.Combine(_directory, "isso.cfg");
        if (text.Length > 0)
        {
            File.WriteAllText(Path, text);
        }
    }

    public string Path { get; }

    /// <summary>The file's text now.</summary>
    public string Text => File.ReadAllText(Path);

    public IniFile Ini => IniFile.Parse(Text);

    public static TempConfig Of(string text) => new(text);

    /// <summary>A folder with no config file yet.</summary>
    public static TempConfig Missing() => new("");

    /// <summary>A copy of <c>tests/fixtures/config/handwritten.cfg</c>.</summary>
    public static TempConfig Handwritten() => new(HandwrittenText);

    public static string HandwrittenText => File.ReadAllText(RepoPaths.Fixture("config/handwritten.cfg"));

    /// <summary>The configuration as Parley reads it.</summary>
    public ConfigResult Read() => ConfigReader.Read(Ini, _ => null);

    /// <summary><c>parley -c this-file ARGS</c>.</summary>
    public Task<CliResult> RunAsync(params string[] args) => ParleyCli.RunWithInputAsync(null, ["-c", Path, .. args]);

    public Task<CliResult> RunWithInputAsync(string input, params string[] args) => ParleyCli.RunWithInputAsync(input, ["-c", Path, .. args]);

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the temp cleaner; no test depends on it.
        }
    }
}
