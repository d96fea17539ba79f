using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Parley.Api.Tests.Support;
using Parley.Tests.Shared;
using static Parley.Api.Tests.Deployment.ServerProcessWire;

namespace Parley.Api.Tests.Lifecycle;

/// <summary>Parley treated as a deployed package, end to end on real processes and files.</summary>
public sealed class LifecycleTests
{
    [Fact]
    public async Task InstallStartUpgradeBackUpWhileWritingWipeRestoreAndTearDown()
    {
        var root = Directory.CreateTempSubdirectory("parley-lifecycle-").FullName;
        var app = Path.Combine(root, "app");
        var config = Path.Combine(root, "etc", "isso.cfg");
        var data = Path.Combine(root, "data");
        var port = FreePort.Next();
        var pids = new List<int>();
        try
        {
            // Install: publish the built server into its own folder, as a package would lay it out.
            await Publish.ServerAsync(app);
            Assert.True(File.Exists(Path.Combine(app, "parley.dll")));

            // Start on a fresh database, post, stop.
            WriteConfig(config, Path.Combine(data, "comments.db"), port);
            await using (var first = await InstalledServer.StartAsync(app, config, port))
            {
                pids.Add(first.ProcessId);
                using var client = Client(first);
                for (var i = 0; i < 3; i++)
                {
                    await PostAsync(client, "/fresh", $"Fresh comment {i}");
                }
                await first.StopAsync();
            }

            // Start on a copy of an Isso schema-3 database: it is upgraded and its comments are served.
            var upgraded = Path.Combine(data, "isso-v3.db");
            CreateIssoVersion3(upgraded);
            WriteConfig(config, upgraded, port);
            var acknowledged = new ConcurrentBag<string>();
            var archive = Path.Combine(root, "backup.tar.gz");
            var backupStarted = new List<string>();
            await using (var second = await InstalledServer.StartAsync(app, config, port))
            {
                pids.Add(second.ProcessId);
                using var client = Client(second);
                var old = await TextsAsync(client, "/old-post");
                Assert.Equal(["Written by Isso", "A reply from Isso"], old);
                Assert.Equal(5, UserVersion(upgraded));

                // Back up while comments keep being written; keep what was acknowledged before it started.
                using var stop = new CancellationTokenSource();
                var writer = Task.Run(async () =>
                {
                    for (var i = 0; !stop.IsCancellationRequested; i++)
                    {
                        var text = $"Busy comment {i:D4}";
                        await PostAsync(client, "/busy", text);
                        acknowledged.Add(text);
                    }
                });
                var waited = Stopwatch.StartNew();
                while (acknowledged.Count < 5 && waited.Elapsed < TimeSpan.FromSeconds(20) && !writer.IsCompleted)
                {
                    await Task.Delay(50);
                }
                backupStarted.AddRange(acknowledged);
                var backup = await ParleyCli.RunAsync("-c", config, "backup", "-o", archive);
                await Task.Delay(200);
                await stop.CancelAsync();
                await writer;
                Assert.True(backup.ExitCode == 0, backup.Error);
                Assert.NotEmpty(backupStarted);
                await second.StopAsync();
            }

            // Wipe the data and the configuration, then restore onto the empty machine.
            SqliteConnection.ClearAllPools();
            Directory.Delete(data, recursive: true);
            File.Delete(config);
            var restore = await ParleyCli.RunAsync("-c", config, "restore", archive);
            Assert.True(restore.ExitCode == 0, restore.Error);
            Assert.True(File.Exists(config));

            await using (var third = await InstalledServer.StartAsync(app, config, port))
            {
                pids.Add(third.ProcessId);
                using var client = Client(third);
                var busy = await TextsAsync(client, "/busy");
                Assert.Superset(backupStarted.ToHashSet(), busy.ToHashSet());
                Assert.Subset(acknowledged.ToHashSet(), busy.ToHashSet());
                Assert.Equal(["Written by Isso", "A reply from Isso"], await TextsAsync(client, "/old-post"));
                await third.StopAsync();
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(root, recursive: true);
        }

        // Teardown leaves nothing behind: no process, no file.
        Assert.False(Directory.Exists(root));
        Assert.All(pids, pid => Assert.False(IsRunning(pid), $"process {pid} is still running"));
    }

    // Isso 0.10-0.11 left databases at version 3: no notification column, text still nullable.
    private static void CreateIssoVersion3(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            CREATE TABLE preferences (key VARCHAR PRIMARY KEY, value VARCHAR);
            INSERT INTO preferences VALUES ('session-key', '00112233445566778899aabbccddeeff0011223344556677');
            CREATE TABLE threads (id INTEGER PRIMARY KEY, uri VARCHAR(256) UNIQUE, title VARCHAR(256));
            CREATE TABLE comments (
              tid REFERENCES threads(id), id INTEGER PRIMARY KEY, parent INTEGER,
              created FLOAT NOT NULL, modified FLOAT, mode INTEGER, remote_addr VARCHAR,
              text VARCHAR, author VARCHAR, email VARCHAR, website VARCHAR,
              likes INTEGER DEFAULT 0, dislikes INTEGER DEFAULT 0, voters BLOB NOT NULL);
            INSERT INTO threads VALUES (1, '/old-post', 'An old post');
            INSERT INTO comments VALUES (1, 1, NULL, 1500000000.0, NULL, 1, '10.0.0.0', 'Written by Isso', 'Old', NULL, NULL, 0, 0, x'00');
            INSERT INTO comments VALUES (1, 2, 1, 1500000100.0, NULL, 1, '10.0.0.0', 'A reply from Isso', NULL, NULL, NULL, 0, 0, x'00');
            PRAGMA user_version = 3;
            """;
        command.ExecuteNonQuery();
    }

    private static long UserVersion(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA user_version";
        return (long)command.ExecuteScalar()!;
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
