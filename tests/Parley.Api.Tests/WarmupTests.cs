using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Parley.Api.Tests.Support;
using Parley.Hosting;

namespace Parley.Api.Tests;

public sealed class WarmupTests
{
    private static readonly string[] Tables = ["threads", "comments"];

    [Fact]
    public async Task TheStartUpRehearsalAnswersEveryRequestItSendsAndLeavesTheDatabaseAsItFoundIt()
    {
        var saved = Path.Combine(Path.GetTempPath(), "parley-warmup-" + Guid.NewGuid().ToString("n") + ".db");
        try
        {
            await using (var first = await TestApp.StartAsync())
            {
                // A stored thread: the rehearsal fetches one comment of it, which compiles the row readers.
                await first.CommentAsync("/stored/", "A comment that was there before the restart");
                using var source = new SqliteConnection($"Data Source={first.DbPath};Pooling=False");
                using var copy = new SqliteConnection($"Data Source={saved};Pooling=False");
                source.Open();
                source.BackupDatabase(copy);
            }
            var before = DatabaseSnapshot.Read(saved, Tables);
            var eventsBefore = Events(saved);
            Assert.Single(before, row => row.StartsWith("comments: ", StringComparison.Ordinal));

            await using var app = await TestApp.StartAsync(prepare: path => File.Copy(saved, path));
            var warmup = app.Services.GetServices<IHostedService>().OfType<Warmup>().Single();
            await warmup.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(30));

            // A rehearsed request that does not answer 200, or a step that throws, is logged as a warning.
            Assert.DoesNotContain(app.Logs.Entries, e => e.Category == typeof(Warmup).FullName && e.Level >= LogLevel.Warning);
            Assert.Equal(before, DatabaseSnapshot.Read(app.DbPath, Tables));
            Assert.Equal(eventsBefore, Events(app.DbPath));
            Assert.Equal(0, (await app.FetchAsync("uri=%2F.parley%2Fwarm-up%2F")).GetProperty("total_replies").GetInt32());
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(saved);
        }
    }

    // How many events were written, and the last one's number.
    private static string Events(string dbPath)
    {
        using var connection = new SqliteConnection($"Data Source={dbPath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) || ' events, last ' || coalesce(max(seq), 0) FROM parley_events";
        return (string)command.ExecuteScalar()!;
    }
}
