using Parley.Api.Tests.Lifecycle;
using Parley.Api.Tests.Support;
using Parley.Core.Config;
using Parley.Tests.Shared;

namespace Parley.Api.Tests.Deployment;

/// <summary>The database never lands in a folder the system empties without the owner being told.</summary>
public sealed class DurableDefaultsTests : IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("parley-durable-");

    private string PathOf(string name) => Path.Combine(_work.FullName, name);

    [Fact]
    public async Task AConfigCreatedByTheActionsKeepsItsDatabaseBesideIt()
    {
        var path = PathOf("etc/parley/isso.cfg");
        Directory.CreateDirectory(PathOf("etc/parley"));
        var result = await ParleyCli.RunAsync("-c", path, "config", "set-websites", "https://example.org");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("[general] dbpath", result.Output, StringComparison.Ordinal);
        Assert.Equal(PathOf("etc/parley/comments.db"), Read(path).General.DbPath);
    }

    [Fact]
    public async Task DbpathOptionWritesAnAbsolutePathAndNeverMovesTheFile()
    {
        var path = PathOf("isso.cfg");
        File.WriteAllText(path, "[general]\nhost = https://example.org\n");
        var result = await ParleyCli.RunAsync("-c", path, "config", "configure-server", "--dbpath", PathOf("data/comments.db"));
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(PathOf("data/comments.db"), Read(path).General.DbPath);
        Assert.False(File.Exists(PathOf("data/comments.db")));
    }

    [Fact]
    public async Task DbpathOptionRefusesAPathThatCannotBeADatabase()
    {
        var path = PathOf("isso.cfg");
        File.WriteAllText(path, "[general]\nhost = https://example.org\n");
        var before = File.ReadAllText(path);
        ClearFailure.Assert(await ParleyCli.RunAsync("-c", path, "config", "configure-server", "--dbpath", PathOf("isso.cfg/comments.db")),
            "Not changed", "--dbpath", "is a file, not a folder");
        ClearFailure.Assert(await ParleyCli.RunAsync("-c", path, "config", "configure-server", "--dbpath", _work.FullName), "Not changed", "it is a folder");
        Assert.Equal(before, File.ReadAllText(path));
    }

    [Fact]
    public async Task DbpathOptionTakesAPostgresUrlAsWrittenAndShowMasksItsPassword()
    {
        var path = PathOf("isso.cfg");
        File.WriteAllText(path, "[general]\nhost = https://example.org\n");
        var url = "postgresql://parley:$PARLEY_DB_PASSWORD@db.internal:5432/comments?sslmode=require";

        var result = await ParleyCli.RunAsync("-c", path, "config", "configure-server", "--dbpath", url);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"dbpath = {url}\n", File.ReadAllText(path), StringComparison.Ordinal);
        File.WriteAllText(path, File.ReadAllText(path).Replace("$PARLEY_DB_PASSWORD", "s3cret-pw", StringComparison.Ordinal));
        var show = await ParleyCli.RunAsync("-c", path, "config", "show");
        Assert.Contains("[general] dbpath = postgresql://parley:***@db.internal:5432/comments?sslmode=require", show.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-pw", show.Output, StringComparison.Ordinal);
        var before = File.ReadAllText(path);
        ClearFailure.Assert(await ParleyCli.RunAsync("-c", path, "config", "configure-server", "--dbpath", "postgresql://parley@db/comments?sslmod=require"),
            "Not changed", "--dbpath", "the parameter 'sslmod' is not known");
        Assert.Equal(before, File.ReadAllText(path));
    }

    [Fact]
    public async Task AnActionOnAConfigWithIssosTemporaryDefaultWarnsAndNamesTheFix()
    {
        var path = PathOf("isso.cfg");
        File.WriteAllText(path, "[general]\nhost = https://example.org\n");
        var result = await ParleyCli.RunAsync("-c", path, "config", "configure-server", "--moderation", "true");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("[general] dbpath /tmp/comments.db is in a temporary folder", result.Error, StringComparison.Ordinal);
        Assert.Contains("--dbpath", result.Error, StringComparison.Ordinal);
        // The existing setting is the owner's: it is not silently moved.
        Assert.Equal("/tmp/comments.db", Read(path).General.DbPath);
    }

    [Fact]
    public async Task RunLogsTheDatabaseItOpenedAndWarnsWhenItIsTemporary()
    {
        var port = FreePort.Next();
        // Under /tmp (the test's own folder there): logged and warned about.
        var config = ServerProcessWire.WriteConfig(PathOf("isso.cfg"), PathOf("comments.db"), port);
        await using var server = await InstalledServer.StartBuiltAsync(config, port);
        await server.StopAsync();
        Assert.Contains($"Database: {PathOf("comments.db")} (SQLite)", server.Output, StringComparison.Ordinal);
        Assert.Contains("is in a temporary folder", server.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", server.Output, StringComparison.Ordinal);
    }

    private static ParleyConfig Read(string path)
    {
        var result = ConfigFile.Load(path, _ => null);
        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        return result.Config;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _work.Delete(recursive: true);
    }
}
