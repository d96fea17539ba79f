using Parley.Api.Tests.Support;
using Parley.Core.Config;
using Parley.Tests.Shared;

namespace Parley.Api.Tests.Engines;

/// <summary>
/// backup and restore on PostgreSQL: the archive holds the same SQLite file a SQLite site's backup does (a logical copy,
/// taken while the server runs), and restores into an empty PostgreSQL database or onto a SQLite file alike.
/// </summary>
public sealed class PostgresBackupTests
{
    private static ParleyConfig Site(ParleyConfig c, string dbpath) => c with { General = c.General with { DbPath = dbpath } };

    [SkippableFact]
    public async Task ABackupOfPostgresRestoresIntoPostgresAndOntoSqliteWithTheSameAnswersAndCookies()
    {
        TestPostgres.Require();
        using var source = TestPostgres.CreateDatabase();
        using var target = TestPostgres.CreateDatabase();
        var work = Directory.CreateTempSubdirectory("parley-pg-backup-");
        try
        {
            var archive = Path.Combine(work.FullName, "site.tar.gz");
            Created written;
            string before;
            await using (var app = await TestApp.StartAsync(c => Site(c, source.Url)))
            {
                written = await app.CommentAsync("/b/", "Backed up", email: "ann@example.org");
                await app.CommentAsync("/b/", "A reply", parent: written.Id);
                await app.CommentAsync("/other/", "Elsewhere");
                before = (await app.FetchAsync("uri=%2Fb%2F")).ToString();
                // Taken while the server runs.
                using var sourceConfig = TempConfig.Of($"[general]\ndbpath = {source.Url}\n");
                var backup = await ParleyCli.RunAsync("-c", sourceConfig.Path, "backup", "-o", archive);
                Assert.True(backup.ExitCode == 0, backup.ToString());
                Assert.Contains("Backed up 2 threads, 3 comments", backup.Output, StringComparison.Ordinal);
            }

            using var targetConfig = TempConfig.Of($"[general]\ndbpath = {target.Url}\n");
            var restored = await ParleyCli.RunAsync("-c", targetConfig.Path, "restore", archive);
            Assert.True(restored.ExitCode == 0, restored.ToString());
            Assert.Contains("Restored 2 threads, 3 comments into postgresql://parley:***@", restored.Output, StringComparison.Ordinal);
            Assert.Equal($"[general]\ndbpath = {target.Url}\n", targetConfig.Text);
            await using (var app = await TestApp.StartAsync(c => Site(c, target.Url)))
            {
                Assert.Equal(before, (await app.FetchAsync("uri=%2Fb%2F")).ToString());
                // This app's clock starts where the first one did; the cookie was signed a few seconds after that.
                app.Clock.Advance(TimeSpan.FromSeconds(10));
                using var edit = await app.SendAsync(HttpMethod.Put, $"/id/{written.Id}", """{"text":"Edited after the restore"}""", cookie: written.Cookie);
                Assert.Equal(System.Net.HttpStatusCode.OK, edit.StatusCode);
            }

            var again = await ParleyCli.RunAsync("-c", targetConfig.Path, "restore", archive);
            Assert.Equal(1, again.ExitCode);
            Assert.Contains("already holds 2 threads and 3 comments. Run again with --force to replace it.", again.Error, StringComparison.Ordinal);
            var forced = await ParleyCli.RunAsync("-c", targetConfig.Path, "restore", "--force", archive);
            Assert.True(forced.ExitCode == 0, forced.ToString());

            var sqlite = Path.Combine(work.FullName, "site.db");
            using var sqliteConfig = TempConfig.Of($"[general]\ndbpath = {sqlite}\n");
            var ontoSqlite = await ParleyCli.RunAsync("-c", sqliteConfig.Path, "restore", archive);
            Assert.True(ontoSqlite.ExitCode == 0, ontoSqlite.ToString());
            await using (var app = await TestApp.StartAsync(c => Site(c, sqlite)))
            {
                Assert.Equal(before, (await app.FetchAsync("uri=%2Fb%2F")).ToString());
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            work.Delete(recursive: true);
        }
    }

    [SkippableFact]
    public async Task ExportAndImportWorkOnPostgres()
    {
        TestPostgres.Require();
        using var source = TestPostgres.CreateDatabase();
        using var target = TestPostgres.CreateDatabase();
        var work = Directory.CreateTempSubdirectory("parley-pg-export-");
        try
        {
            string before;
            await using (var app = await TestApp.StartAsync(c => Site(c, source.Url)))
            {
                var top = await app.CommentAsync("/e/", "Exported");
                await app.CommentAsync("/e/", "Its reply", parent: top.Id);
                before = (await app.FetchAsync("uri=%2Fe%2F")).ToString();
            }
            var file = Path.Combine(work.FullName, "site.json");
            using var sourceConfig = TempConfig.Of($"[general]\ndbpath = {source.Url}\n");
            var exported = await ParleyCli.RunAsync("-c", sourceConfig.Path, "export", "-o", file);
            Assert.True(exported.ExitCode == 0, exported.ToString());

            using var targetConfig = TempConfig.Of($"[general]\ndbpath = {target.Url}\n");
            var imported = await ParleyCli.RunAsync("-c", targetConfig.Path, "import", file);
            Assert.True(imported.ExitCode == 0, imported.ToString());
            Assert.Contains("1 threads, 2 comments", imported.Output, StringComparison.Ordinal);
            await using var copy = await TestApp.StartAsync(c => Site(c, target.Url));
            Assert.Equal(before, (await copy.FetchAsync("uri=%2Fe%2F")).ToString());
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }
}
