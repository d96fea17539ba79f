using Parley.Api.Tests.Lifecycle;
using Parley.Api.Tests.Support;
using Parley.Core.Config;
using Parley.Tests.Shared;
using static Parley.Api.Tests.Deployment.ServerProcessWire;

namespace Parley.Api.Tests.Deployment;

/// <summary>A restore can never drop comments: not under a running server, not into a database the config does not name.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class RestoreSafetyTests : IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("parley-restore-safety-");

    private string PathOf(string name) => Path.Combine(_work.FullName, name);

    [Fact]
    public async Task RestoreUnderARunningServerIsRefusedEvenWithForceAndACommentPostedAfterTheBackupSurvivesARestart()
    {
        var port = FreePort.Next();
        var config = WriteConfig(PathOf("etc/isso.cfg"), PathOf("data/comments.db"), port);
        var archive = PathOf("backup.tar.gz");
        await using (var server = await InstalledServer.StartBuiltAsync(config, port))
        {
            using var client = Client(server);
            await PostAsync(client, "/post", "Before the backup");
            var backup = await ParleyCli.RunAsync("-c", config, "backup", "-o", archive);
            Assert.True(backup.ExitCode == 0, backup.ToString());
            await PostAsync(client, "/post", "After the backup");

            foreach (var args in new[] { new[] { "-c", config, "restore", archive }, ["-c", config, "restore", archive, "--force"] })
            {
                var refused = await ParleyCli.RunAsync(args);
                Assert.Equal(1, refused.ExitCode);
                Assert.Contains("a running Parley server is using", refused.Error, StringComparison.Ordinal);
                Assert.Contains("Stop it first", refused.Error, StringComparison.Ordinal);
                Assert.DoesNotContain("   at ", refused.Error, StringComparison.Ordinal);
                Assert.Equal(["Before the backup", "After the backup"], await TextsAsync(client, "/post"));
            }
            await PostAsync(client, "/post", "After the refused restore");
            await server.StopAsync();
        }

        await using (var restarted = await InstalledServer.StartBuiltAsync(config, port))
        {
            using var client = Client(restarted);
            Assert.Equal(["Before the backup", "After the backup", "After the refused restore"], await TextsAsync(client, "/post"));
            await restarted.StopAsync();
        }

        // Stopped, the same restore goes through (with --force, since the database holds newer comments).
        var restored = await ParleyCli.RunAsync("-c", config, "restore", archive, "--force");
        Assert.True(restored.ExitCode == 0, restored.ToString());
    }

    [Fact]
    public async Task AServerDoesNotStartWhileARestoreHoldsTheDatabase()
    {
        var port = FreePort.Next();
        var db = PathOf("data/comments.db");
        var config = WriteConfig(PathOf("isso.cfg"), db, port);
        Directory.CreateDirectory(PathOf("data"));
        using (Parley.Storage.Sqlite.ServerLock.TryExclusive(db))
        {
            var run = await ParleyCli.RunAsync("-c", config, "run");
            Assert.Equal(1, run.ExitCode);
            Assert.Contains("a restore of", run.Error, StringComparison.Ordinal);
            Assert.Contains("is in progress", run.Error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ARestoredConfigurationNamesTheDatabaseThatWasRestored()
    {
        // Backed up on one machine, whose config names its own database…
        await using (var app = await TestApp.StartAsync())
        {
            await app.CommentAsync("/a", "Kept across machines");
            var source = WriteConfig(PathOf("source.cfg"), app.DbPath, FreePort.Next());
            var backup = await ParleyCli.RunAsync("-c", source, "backup", "-o", PathOf("b.tar.gz"));
            Assert.True(backup.ExitCode == 0, backup.ToString());
        }

        // …restored where this machine's config names another file.
        var target = WriteConfig(PathOf("etc/isso.cfg"), PathOf("here/comments.db"), FreePort.Next());
        var restore = await ParleyCli.RunAsync("-c", target, "restore", PathOf("b.tar.gz"), "--force");
        Assert.True(restore.ExitCode == 0, restore.ToString());
        Assert.Contains($"the restored one names {PathOf("here/comments.db")}", restore.Output, StringComparison.Ordinal);
        var onDisk = ConfigFile.Load(target, _ => null);
        Assert.True(onDisk.IsValid);
        Assert.Equal(PathOf("here/comments.db"), onDisk.Config.General.DbPath);
        Assert.StartsWith("# kept", File.ReadAllText(target), StringComparison.Ordinal);
        Assert.Equal(1L, DatabaseRows(PathOf("here/comments.db")));
        Assert.Equal("600", Mode(target));
        Assert.Equal("600", Mode(PathOf("here/comments.db")));
    }

    private static long DatabaseRows(string db)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={db};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM comments WHERE text = 'Kept across machines'";
        return (long)command.ExecuteScalar()!;
    }

    internal static string Mode(string path) =>
        Convert.ToString((int)File.GetUnixFileMode(path) & 0x1FF, 8);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _work.Delete(recursive: true);
    }
}
