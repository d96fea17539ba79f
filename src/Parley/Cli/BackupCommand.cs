using System.CommandLine;
using Parley.Core.Backup;
using Parley.Storage.Postgres;
using Parley.Storage.Sqlite;

namespace Parley.Cli;

/// <summary><c>parley -c FILE backup [-o ARCHIVE]</c>: database and config in one archive, while the server runs.</summary>
internal static class BackupCommand
{
    public static Command Create(Option<string> configOption, TimeProvider time)
    {
        var output = new Option<string?>("--output", "-o")
        {
            Description = "Archive to write (default: parley-backup-<UTC date and time>.tar.gz in the current directory).",
        };
        var command = new Command("backup",
            "Take a consistent snapshot of the database (online: the server may keep running) and the configuration file, "
            + "and write both with checksums into one .tar.gz archive.") { output };
        command.SetAction((result, ct) => RunAsync(result.GetValue(configOption)!, result.GetValue(output), time, ct));
        return command;
    }

    private static async Task<int> RunAsync(string configOption, string? output, TimeProvider time, CancellationToken ct)
    {
        var configPath = StartupConfig.PathOf(configOption);
        var config = StartupConfig.Load(configOption);
        if (config is null)
        {
            return 1;
        }
        var now = time.GetUtcNow();
        var archive = Path.GetFullPath(output ?? $"parley-backup-{now:yyyyMMdd-HHmmss}.tar.gz");
        if (OutputFile.Problem(archive, "-o") is { } problem)
        {
            await Console.Error.WriteLineAsync($"backup failed: {problem}.");
            return 1;
        }
        var work = Directory.CreateTempSubdirectory("parley-backup-");
        try
        {
            var snapshot = Path.Combine(work.FullName, BackupArchive.DatabaseName);
            // A PostgreSQL database is written out logically, into the same SQLite file a SQLite site's backup holds.
            SnapshotCounts counts;
            if (PostgresUrl.Matches(config.General.DbPath))
            {
                await PostgresDump.ToSqliteAsync(config.General.DbPath, snapshot, ct);
                counts = SqliteSnapshot.Verify(snapshot);
            }
            else
            {
                counts = await SqliteSnapshot.TakeAsync(config.General.DbPath, snapshot, ct);
            }
            var partial = archive + ".partial";
            // Created private before a byte is written: the archive holds the session key and every secret of the config.
            await OutputFile.CreatePrivate(partial).DisposeAsync();
            await BackupArchive.WriteAsync(partial, new BackupManifest { Created = now.ToUnixTimeSeconds(), Threads = counts.Threads, Comments = counts.Comments },
                new Dictionary<string, string> { [BackupArchive.DatabaseName] = snapshot, [BackupArchive.ConfigName] = configPath }, ct);
            File.Move(partial, archive, overwrite: true);
            Console.WriteLine($"Backed up {counts.Threads} threads, {counts.Comments} comments and {configPath} to {archive}");
            return 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or System.Data.Common.DbException)
        {
            await Console.Error.WriteLineAsync($"backup failed: {e.Message}");
            File.Delete(archive + ".partial");
            return 1;
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }
}
