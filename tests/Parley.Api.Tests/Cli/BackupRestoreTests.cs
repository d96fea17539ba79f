using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Parley.Api.Tests.Support;

namespace Parley.Api.Tests.Cli;

public sealed class BackupRestoreTests : IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("parley-backup-test-");

    private string PathOf(string name) => Path.Combine(_work.FullName, name);

    private string WriteConfig(string name, string dbPath)
    {
        var path = PathOf(name);
        File.WriteAllText(path, $"# hand-written\n[general]\ndbpath = {dbPath}\nhost = https://example.tld\n\n[hash]\nsalt = keep-me\n");
        return path;
    }

    private static long Count(string dbPath, string sql = "SELECT count(*) FROM comments")
    {
        using var connection = new SqliteConnection($"Data Source={dbPath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }

    [Fact]
    public async Task BackupWhileTheServerWritesKeepsEveryAcknowledgedCommentAndRestores()
    {
        await using var app = await TestApp.StartAsync(c => c with { Guard = c.Guard with { Enabled = false } });
        var config = WriteConfig("live.cfg", app.DbPath);
        for (var i = 0; i < 20; i++)
        {
            await app.CommentAsync("/before", $"Before the backup {i}");
        }
        var acknowledged = new ConcurrentBag<long>();
        using var stop = new CancellationTokenSource();
        var writer = Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                acknowledged.Add((await app.CommentAsync("/during", $"Written during the backup {i}")).Id);
            }
        });
        var backup = await ParleyCli.RunAsync("-c", config, "backup", "-o", PathOf("b.tar.gz"));
        var afterBackup = acknowledged.Count;
        await stop.CancelAsync();
        await writer;
        Assert.True(backup.ExitCode == 0, backup.Error);
        Assert.Contains("Backed up", backup.Output, StringComparison.Ordinal);
        Assert.True(afterBackup > 0, "no comment was written while the backup ran");

        var target = WriteConfig("target.cfg", PathOf("restored/comments.db"));
        var restore = await ParleyCli.RunAsync("-c", target, "restore", PathOf("b.tar.gz"), "--force");
        Assert.True(restore.ExitCode == 0, restore.Error);
        var restored = Count(PathOf("restored/comments.db"));
        // A consistent snapshot: everything acknowledged before it started, and no more than was ever written.
        Assert.InRange(restored, 20, 20 + acknowledged.Count);
        Assert.Equal(20, Count(PathOf("restored/comments.db"), "SELECT count(*) FROM comments WHERE text LIKE 'Before the backup%'"));
        // The archived configuration, naming the database where it now is (not the live server's file).
        Assert.Equal(File.ReadAllText(config).Replace($"dbpath = {app.DbPath}", $"dbpath = {PathOf("restored/comments.db")}", StringComparison.Ordinal),
            File.ReadAllText(target));
    }

    [Fact]
    public async Task RestoreRefusesToOverwriteCommentsWithoutForce()
    {
        await using var app = await TestApp.StartAsync();
        await app.CommentAsync("/a", "One comment");
        var config = WriteConfig("live.cfg", app.DbPath);
        Assert.Equal(0, (await ParleyCli.RunAsync("-c", config, "backup", "-o", PathOf("b.tar.gz"))).ExitCode);
        await app.CommentAsync("/a", "A second comment");
        var before = Count(app.DbPath);

        var refused = await ParleyCli.RunAsync("-c", config, "restore", PathOf("b.tar.gz"));
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("--force", refused.Error, StringComparison.Ordinal);
        Assert.Equal(before, Count(app.DbPath));
    }

    [Theory]
    [InlineData("truncated")]
    [InlineData("flipped")]
    [InlineData("garbage")]
    [InlineData("empty")]
    public async Task ADamagedArchiveFailsBeforeTouchingAnything(string damage)
    {
        await using var app = await TestApp.StartAsync();
        await app.CommentAsync("/a", "Keep me");
        var config = WriteConfig("live.cfg", app.DbPath);
        Assert.Equal(0, (await ParleyCli.RunAsync("-c", config, "backup", "-o", PathOf("b.tar.gz"))).ExitCode);
        var bytes = await File.ReadAllBytesAsync(PathOf("b.tar.gz"));
        byte[] broken = damage switch
        {
            "truncated" => bytes[..(bytes.Length / 2)],
            "flipped" => [.. bytes.Take(bytes.Length - 40), (byte)(bytes[^40] ^ 0xFF), .. bytes.Skip(bytes.Length - 39)],
            "garbage" => "this is not an archive"u8.ToArray(),
            _ => [],
        };
        await File.WriteAllBytesAsync(PathOf("broken.tar.gz"), broken);
        var target = WriteConfig("target.cfg", PathOf("restored/comments.db"));
        var configBefore = await File.ReadAllBytesAsync(target);

        var outcome = await ParleyCli.RunAsync("-c", target, "restore", PathOf("broken.tar.gz"), "--force");
        Assert.Equal(1, outcome.ExitCode);
        Assert.StartsWith("restore failed:", outcome.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(PathOf("restored/comments.db")));
        Assert.Equal(configBefore, await File.ReadAllBytesAsync(target));
    }

    [Fact]
    public async Task HelpDescribesBackupAndRestore()
    {
        var backup = await ParleyCli.RunAsync("backup", "--help");
        Assert.Contains("--output", backup.Output, StringComparison.Ordinal);
        Assert.Contains("online", backup.Output, StringComparison.Ordinal);
        var restore = await ParleyCli.RunAsync("restore", "--help");
        Assert.Contains("<archive>", restore.Output, StringComparison.Ordinal);
        Assert.Contains("--force", restore.Output, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _work.Delete(recursive: true);
    }
}
