using Parley.Core.Config;

namespace Parley.Core.Tests.Config;

public sealed class ConfigFileTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("parley-config-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void LoadReadsTheFile()
    {
        var path = Path.Combine(_directory, "isso.cfg");
        File.WriteAllText(path, "[general]\ndbpath = /var/lib/isso/comments.db\nhost = https://example.tld/\n[server]\nlisten = http://localhost:1234/\n");

        var result = ConfigFile.Load(path, _ => null);

        Assert.Empty(result.Errors);
        Assert.Equal(["https://example.tld/"], result.Config.General.Host);
        Assert.Equal("http://localhost:1234/", result.Config.Server.Listen);
    }

    [Fact]
    public void MissingFileIsAClearError()
    {
        var path = Path.Combine(_directory, "missing.cfg");

        var result = ConfigFile.Load(path, _ => null);

        Assert.Equal($"configuration file {path} does not exist", Assert.Single(result.Errors).ToString());
    }
}
