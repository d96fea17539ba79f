using Dapper;
using Parley.Core.Comments;
using Parley.Core.Security;
using Parley.Storage.Sqlite;
using Parley.Storage.Tests.Support;
using static Parley.Storage.Tests.Sqlite.SqliteSchema;

namespace Parley.Storage.Tests.Sqlite;

/// <summary>Every older Isso database opens as version 5 with its comments served unchanged (spec/storage.md §3).</summary>
public sealed class MigrationTests : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    public static TheoryData<int, bool> Versions => LegacyDatabase.Versions;

    private void Create(int version, bool hasNotification) =>
        LegacyDatabase.Create(_database, version, hasNotification, textNullable: version < 5);

    [Theory]
    [MemberData(nameof(Versions))]
    public void OpeningMigratesToTheFreshSchema(int version, bool hasNotification)
    {
        Create(version, hasNotification);

        SqliteCommentStore.Open(_database.Path).Dispose();

        using var connection = _database.Connect();
        Assert.Equal(5, UserVersion(connection));
        Assert.Equal(FreshSchemaTests.CommentColumns, Columns(connection, "comments"));
        Assert.NotNull(TriggerSql(connection));
        Assert.Equal(["comments", "preferences", "threads"],
            Tables(connection).Where(t => !t.StartsWith("parley_", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task CommentsAreServedUnchanged(int version, bool hasNotification)
    {
        Create(version, hasNotification);

        using var store = SqliteCommentStore.Open(_database.Path);

        foreach (var row in LegacyDatabase.Rows(version))
        {
            var expected = new Comment
            {
                Tid = row.Tid,
                Id = row.Id,
                Parent = LegacyDatabase.FlatParents.TryGetValue(row.Id, out var p) ? p : null,
                Created = row.Created,
                Modified = row.Modified,
                Mode = row.Mode,
                RemoteAddr = row.RemoteAddr,
                Text = row.Text ?? "",
                Author = row.Author,
                Email = row.Email,
                Website = row.Website,
                Likes = row.Likes,
                Dislikes = row.Dislikes,
                Notification = hasNotification ? row.Notification : 0,
            };
            var stored = await store.GetCommentAsync(row.Id);
            Assert.Equal(expected with { Voters = stored!.Voters }, stored);
        }
        Assert.Equal(new long[] { 1, 2, 6 }, (await store.ListAsync(new("/a", null))).Select(c => c.Id));
        Assert.Equal(new long[] { 3, 4, 5, 7 }, (await store.ListAsync(new("/a", 2))).Select(c => c.Id));
        Assert.Equal(new long[] { 8 }, (await store.ListAsync(new("/b", null))).Select(c => c.Id));
        Assert.Equal(new CommentThread(2, "/b", null), await store.GetThreadAsync("/b"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public async Task NestedRepliesAreFlattenedToTheirTopLevelComment(int version)
    {
        Create(version, hasNotification: false);

        using var store = SqliteCommentStore.Open(_database.Path);

        var parents = new Dictionary<long, long>();
        for (long id = 1; id <= 7; id++)
        {
            if ((await store.GetCommentAsync(id))!.Parent is { } parent)
            {
                parents[id] = parent;
            }
        }
        Assert.Equal(new Dictionary<long, long> { [3] = 2, [4] = 2, [5] = 2, [7] = 2 }, parents);
    }

    [Fact]
    public async Task Version0VotersBecomeTheFilterOfLoopback()
    {
        Create(0, hasNotification: false);

        using var store = SqliteCommentStore.Open(_database.Path);

        var loopback = VotersFilter.Create("127.0.0.0");
        for (long id = 1; id <= 9; id++)
        {
            var stored = await store.GetCommentAsync(id);
            Assert.Equal(loopback, stored!.Voters);
            Assert.Equal(id, stored.Likes);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public async Task VotersOfLaterVersionsAreKept(int version)
    {
        Create(version, hasNotification: version >= 4);

        using var store = SqliteCommentStore.Open(_database.Path);

        Assert.Equal(LegacyDatabase.Voters, (await store.GetCommentAsync(1))!.Voters);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void ALegacySessionKeyBecomesThePreference(int version)
    {
        Create(version, hasNotification: false);
        const string legacy = "my-old-configured-session-key";

        using (var store = SqliteCommentStore.Open(_database.Path, legacy))
        {
            Assert.Equal(legacy, store.SessionKey);
        }
        using var reopened = SqliteCommentStore.Open(_database.Path);
        Assert.Equal(legacy, reopened.SessionKey);
    }

    [Fact]
    public void Version1WithoutALegacyKeyGetsANewOne()
    {
        Create(1, hasNotification: false);

        using var store = SqliteCommentStore.Open(_database.Path);

        Assert.Matches("^[0-9a-f]{48}$", store.SessionKey);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(5)]
    public void AStoredSessionKeyWinsOverTheLegacyOne(int version)
    {
        Create(version, hasNotification: version >= 4);

        using var store = SqliteCommentStore.Open(_database.Path, "my-old-configured-session-key");

        Assert.Equal(LegacyDatabase.StoredSessionKey, store.SessionKey);
    }

    [Fact]
    public void AFailedVersion4MigrationIsRolledBackAndStopsStartUp()
    {
        // A version 4 database whose table lacks notification cannot be copied into the new table.
        Create(3, hasNotification: false);
        using (var connection = _database.Connect())
        {
            connection.Execute("PRAGMA user_version = 4");
        }

        var error = Assert.Throws<InvalidOperationException>(() => SqliteCommentStore.Open(_database.Path));

        Assert.Equal("Migrating DB version 4 to 5 failed: no such column: notification", error.Message);
        using var after = _database.Connect();
        Assert.Equal(4, UserVersion(after));
        Assert.False(Columns(after, "comments").Single(c => c.Name == "text").NotNull);
        Assert.Equal(14, Columns(after, "comments").Count);
        Assert.Equal(9, after.ExecuteScalar<long>("SELECT count(*) FROM comments"));
        Assert.DoesNotContain(Tables(after), t => t.StartsWith("comments_", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AMigratedDatabaseKeepsWorking()
    {
        Create(0, hasNotification: false);

        using var store = SqliteCommentStore.Open(_database.Path);
        var added = await store.InsertCommentAsync(Sample.Comment(2));
        await store.DeleteCommentAsync(added.Id);
        await store.DeleteCommentAsync(9);
        await store.DeleteCommentAsync(8);

        Assert.Equal(10, added.Id);
        Assert.Null(await store.GetThreadAsync("/b"));
    }
}
