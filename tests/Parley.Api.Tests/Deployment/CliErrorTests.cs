using System.Net;
using System.Net.Sockets;
using Parley.Api.Tests.Support;
using Parley.Tests.Shared;
using static Parley.Api.Tests.Deployment.ServerProcessWire;

namespace Parley.Api.Tests.Deployment;

/// <summary>Each way an install commonly goes wrong ends in one sentence that names the fix, and exit 1.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class CliErrorTests : IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("parley-cli-errors-");

    private string PathOf(string name) => Path.Combine(_work.FullName, name);

    [Fact]
    public async Task APortInUseNamesServerListen()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        var config = WriteConfig(PathOf("isso.cfg"), PathOf("comments.db"), port);
        ClearFailure.Assert(await ParleyCli.RunAsync("-c", config, "run"), "is already in use", "[server] listen", "configure-server --listen");
    }

    [Fact]
    public async Task ADbpathBelowAFileNamesDbpath()
    {
        var config = WriteConfig(PathOf("isso.cfg"), PathOf("isso.cfg/comments.db"), FreePort.Next());
        ClearFailure.Assert(await ParleyCli.RunAsync("-c", config, "run"), "[general] dbpath", $"{PathOf("isso.cfg")} is a file, not a folder");
    }

    [Fact]
    public async Task ADbpathThatIsAFolderNamesDbpath()
    {
        Directory.CreateDirectory(PathOf("data"));
        var config = WriteConfig(PathOf("isso.cfg"), PathOf("data"), FreePort.Next());
        ClearFailure.Assert(await ParleyCli.RunAsync("-c", config, "run"), "[general] dbpath", "it is a folder");
    }

    [Fact]
    public async Task ADbpathThatIsNotADatabaseNamesDbpathAndIsLeftAlone()
    {
        File.WriteAllText(PathOf("notes.txt"), "my notes, not a database");
        var config = WriteConfig(PathOf("isso.cfg"), PathOf("notes.txt"), FreePort.Next());
        ClearFailure.Assert(await ParleyCli.RunAsync("-c", config, "run"), "[general] dbpath", "not a SQLite database");
        Assert.Equal("my notes, not a database", File.ReadAllText(PathOf("notes.txt")));
    }

    [Theory]
    [InlineData("backup")]
    [InlineData("export")]
    public async Task AMissingOutputFolderIsNamed(string command)
    {
        var config = WriteConfig(PathOf("isso.cfg"), PathOf("comments.db"), FreePort.Next());
        ClearFailure.Assert(await ParleyCli.RunAsync("-c", config, command, "-o", PathOf("missing/dir/out.file")),
            $"{command} failed", $"the folder {PathOf("missing/dir")} does not exist", "-o");
        Assert.False(Directory.Exists(PathOf("missing")));
    }

    [Theory]
    [InlineData("backup")]
    [InlineData("export")]
    public async Task AnOutputBelowAFileOrAtAFolderIsNamed(string command)
    {
        var config = WriteConfig(PathOf("isso.cfg"), PathOf("comments.db"), FreePort.Next());
        ClearFailure.Assert(await ParleyCli.RunAsync("-c", config, command, "-o", PathOf("isso.cfg/out")), $"{command} failed", "is a file, not a folder");
        ClearFailure.Assert(await ParleyCli.RunAsync("-c", config, command, "-o", _work.FullName), $"{command} failed", "is a folder");
    }

    [Theory]
    [InlineData("backup")]
    [InlineData("export")]
    public async Task AnUnwritableOutputFolderIsNamed(string command)
    {
        // /proc refuses new files to everyone, root included (the tests run as root in CI).
        var config = WriteConfig(PathOf("isso.cfg"), PathOf("comments.db"), FreePort.Next());
        CreateDatabase(PathOf("comments.db"));
        ClearFailure.Assert(await ParleyCli.RunAsync("-c", config, command, "-o", "/proc/parley-out.file"),
            $"{command} failed", "cannot write in /proc", "-o");
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _work.Delete(recursive: true);
    }
}
