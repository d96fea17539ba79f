using System.CommandLine;
using Parley.Core.Backup;
using Parley.Core.Config;
using Parley.Storage.Postgres;
using Parley.Storage.Sqlite;

namespace Parley.Cli;

/// <summary>
/// <c>parley -c FILE restore ARCHIVE [--force]</c>: checks the whole archive first, then puts the database at
/// <c>[general] dbpath</c> and the config at FILE. Existing comments or a different config need <c>--force</c>.
/// </summary>
internal static class RestoreCommand
{
    public static Command Create(Option<string> configOption)
    {
        var archive = new Argument<string>("archive") { Description = "A .tar.gz written by 'parley backup'." };
        var force = new Option<bool>("--force") { Description = "Overwrite an existing database that holds comments, and a configuration file that differs." };
        var command = new Command("restore",
            "Verify a backup archive (format, checksums, database integrity) and restore its database and configuration. "
            + "Stop the server first. Nothing is touched when any check fails.") { archive, force };
        command.SetAction((result, ct) => RunAsync(result.GetValue(configOption)!, result.GetValue(archive)!, result.GetValue(force), ct));
        return command;
    }

    private static async Task<int> RunAsync(string configOption, string archive, bool force, CancellationToken ct)
    {
        var configPath = Path.GetFullPath(StartupConfig.PathOf(configOption));
        var work = Directory.CreateTempSubdirectory("parley-restore-");
        try
        {
            var manifest = await BackupArchive.ExtractVerifiedAsync(archive, work.FullName, ct);
            var database = Path.Combine(work.FullName, BackupArchive.DatabaseName);
            var counts = SqliteSnapshot.Verify(database);
            var archivedConfig = Path.Combine(work.FullName, BackupArchive.ConfigName);
            var hasConfig = manifest.Files.Any(f => f.Name == BackupArchive.ConfigName);
            if (PostgresTarget(configPath) is { } url)
            {
                return await RestoreIntoPostgresAsync(database, url, configPath, force, ct);
            }
            var dbPath = TargetDatabase(File.Exists(configPath) ? configPath : hasConfig ? archivedConfig : null);
            Directory.CreateDirectory(Path.GetDirectoryName(dbPath)!);
            // Not even --force replaces a database under a running server: it would keep writing into the old file.
            using var serverLock = ServerLock.TryExclusive(dbPath);
            if (serverLock is null)
            {
                await Console.Error.WriteLineAsync($"restore refused: a running Parley server is using {dbPath}. "
                    + "Stop it first (for example `systemctl stop parley`), restore, then start it again; --force does not change this.");
                return 1;
            }
            // Compared and written as it will be on disk: naming the database where it is restored.
            var repointed = hasConfig ? PointAt(archivedConfig, dbPath) : null;
            if (!force && Conflicts(dbPath, configPath, hasConfig ? archivedConfig : null) is { Count: > 0 } conflicts)
            {
                await Console.Error.WriteLineAsync($"restore refused: {string.Join("; ", conflicts)}. Run again with --force to overwrite.");
                return 1;
            }
            if (hasConfig)
            {
                Replace(archivedConfig, configPath);
            }
            ReplaceDatabase(database, dbPath);
            Console.WriteLine($"Restored {counts.Threads} threads, {counts.Comments} comments to {dbPath}" + (hasConfig ? $" and the configuration to {configPath}" : ""));
            if (repointed is not null)
            {
                Console.WriteLine($"The archived configuration named [general] dbpath {repointed}; the restored one names {dbPath}, where the database now is.");
            }
            return 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or BackupDamagedException
            or System.Data.Common.DbException)
        {
            await Console.Error.WriteLineAsync($"restore failed: {e.Message}");
            return 1;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            work.Delete(recursive: true);
        }
    }

    // The PostgreSQL database the configuration on disk names, if it names one.
    private static string? PostgresTarget(string configPath)
    {
        if (!File.Exists(configPath))
        {
            return null;
        }
        var result = ConfigFile.Load(configPath, Environment.GetEnvironmentVariable);
        return result.IsValid && PostgresUrl.Matches(result.Config.General.DbPath) ? result.Config.General.DbPath : null;
    }

    // Into PostgreSQL the archived database is moved as import-db moves one, in one transaction; instances may keep running
    // (they see the old content or the new, never a mix) but must be restarted to sign with the restored session key. The
    // configuration file stays as it is: it names the database, and its password may come from the environment.
    private static async Task<int> RestoreIntoPostgresAsync(string database, string url, string configPath, bool force, CancellationToken ct)
    {
        try
        {
            var counts = await PostgresMove.FromSqliteAsync(database, url, replace: force, ct);
            Console.WriteLine($"Restored {counts.Threads} threads, {counts.Comments} comments into {PostgresUrl.Masked(url)}; "
                + $"{configPath} was left as it is. Restart every Parley instance on this database.");
            return 0;
        }
        catch (TargetNotEmptyException e)
        {
            await Console.Error.WriteLineAsync($"restore refused: {e.Message}. Run again with --force to replace it.");
            return 1;
        }
    }

    private static string TargetDatabase(string? configFile)
    {
        if (configFile is null)
        {
            throw new InvalidDataException("neither the configuration file nor the archive names a database path");
        }
        var result = ConfigFile.Load(configFile, Environment.GetEnvironmentVariable);
        return result.IsValid
            ? Path.GetFullPath(result.Config.General.DbPath)
            : throw new InvalidDataException($"{configFile} is not a valid configuration: {result.Errors[0]}");
    }

    private static List<string> Conflicts(string dbPath, string configPath, string? archivedConfig)
    {
        var conflicts = new List<string>();
        if (File.Exists(dbPath) && SqliteSnapshot.CommentCount(dbPath) is var n and > 0)
        {
            conflicts.Add($"{dbPath} already holds {n} comments");
        }
        if (archivedConfig is not null && File.Exists(configPath) && !File.ReadAllBytes(configPath).AsSpan().SequenceEqual(File.ReadAllBytes(archivedConfig)))
        {
            conflicts.Add($"{configPath} differs from the archived configuration");
        }
        return conflicts;
    }

    /// <summary>
    /// Makes the archived configuration name the database where it is restored (the config on disk must always
    /// open the restored database); returns the path it named before, or null when it already named it.
    /// </summary>
    private static string? PointAt(string archivedConfig, string dbPath)
    {
        var named = ConfigFile.Load(archivedConfig, Environment.GetEnvironmentVariable);
        var before = named.IsValid ? Path.GetFullPath(named.Config.General.DbPath) : null;
        if (before == dbPath)
        {
            return null;
        }
        var ini = IniFile.Parse(File.ReadAllText(archivedConfig));
        ini.Set("general", "dbpath", dbPath);
        File.WriteAllText(archivedConfig, ini.ToString());
        return before ?? "(unreadable)";
    }

    // Copy beside the target, then rename over it: a crash leaves either the old file or the new one. Both files
    // hold secrets (the session key, the SMTP password, the admin hash), so they are the owner's alone.
    private static void Replace(string source, string target)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var temporary = target + ".restoring";
        using (var input = File.OpenRead(source))
        using (var output = OutputFile.CreatePrivate(temporary))
        {
            input.CopyTo(output);
            output.Flush(flushToDisk: true);
        }
        File.Move(temporary, target, overwrite: true);
    }

    // A leftover WAL of the old database would be replayed into the restored one: remove it first.
    private static void ReplaceDatabase(string source, string target)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Delete(target + "-wal");
        File.Delete(target + "-shm");
        Replace(source, target);
    }
}
