using Parley.Api.Tests.Support;
using Parley.Tests.Shared;
using static Parley.Api.Tests.Deployment.ServerProcessWire;

namespace Parley.Api.Tests.Deployment;

/// <summary>Backups, exports and configs hold the session key, the SMTP password and the admin hash: 0600, whatever the umask.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class PrivateFileTests : IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("parley-private-");

    private string PathOf(string name) => Path.Combine(_work.FullName, name);

    [Fact]
    public async Task BackupExportAndAConfigWrittenByTheActionsAreOwnerOnly()
    {
        var config = WriteConfig(PathOf("isso.cfg"), PathOf("comments.db"), FreePort.Next());
        CreateDatabase(PathOf("comments.db"));
        Assert.Equal(0, (await ParleyCli.RunAsync("-c", config, "backup", "-o", PathOf("b.tar.gz"))).ExitCode);
        Assert.Equal(0, (await ParleyCli.RunAsync("-c", config, "export", "-o", PathOf("e.json"))).ExitCode);
        var created = await ParleyCli.RunAsync("-c", PathOf("new/isso.cfg"), "config", "set-websites", "https://example.org");
        Assert.True(created.ExitCode == 0, created.ToString());

        Assert.Equal("600", RestoreSafetyTests.Mode(PathOf("b.tar.gz")));
        Assert.Equal("600", RestoreSafetyTests.Mode(PathOf("e.json")));
        Assert.Equal("600", RestoreSafetyTests.Mode(PathOf("new/isso.cfg")));
        Assert.Empty(Directory.GetFiles(_work.FullName, "*.partial"));
    }

    [Fact]
    public async Task AnExportOverAnOpenFileNarrowsItToTheOwner()
    {
        var config = WriteConfig(PathOf("isso.cfg"), PathOf("comments.db"), FreePort.Next());
        File.WriteAllText(PathOf("e.json"), "old");
        File.SetUnixFileMode(PathOf("e.json"), (UnixFileMode)0b110_100_100);
        Assert.Equal(0, (await ParleyCli.RunAsync("-c", config, "export", "-o", PathOf("e.json"))).ExitCode);
        Assert.Equal("600", RestoreSafetyTests.Mode(PathOf("e.json")));
        Assert.StartsWith("{", File.ReadAllText(PathOf("e.json")), StringComparison.Ordinal);
    }

    public void Dispose() => _work.Delete(recursive: true);
}
