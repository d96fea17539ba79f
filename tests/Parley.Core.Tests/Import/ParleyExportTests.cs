using System.Text;
using Parley.Core.Comments;
using Parley.Core.Import;
using Parley.Core.Storage;

namespace Parley.Core.Tests.Import;

public sealed class ParleyExportTests
{
    private static readonly Comment Root = new()
    {
        Tid = 3, Id = 10, Created = 1_700_000_000.123456789, Modified = 1_700_000_123.000001, Mode = CommentMode.Deleted,
        RemoteAddr = "192.0.2.0", Text = "", Author = null, Email = "a@example.org", Website = null,
        Likes = 4, Dislikes = 2, Voters = [1, 2, 3, 255], Notification = 1,
    };

    private static readonly Comment Reply = new()
    {
        Tid = 3, Id = 12, Parent = 10, Created = 0.1 + 0.2, Mode = CommentMode.Pending, RemoteAddr = null,
        Text = "Ünïcode \"quoted\" \n <b>", Author = "A &amp; B", Email = null, Website = "http://x/?a=1&amp;b",
        Voters = [], Notification = null,
    };

    private static async Task<(string Json, ImportedData Data)> RoundTripAsync()
    {
        using var output = new MemoryStream();
        await ParleyExport.WriteAsync(output, [new ExportedThread(new CommentThread(3, "/ü/?p=1", null), [Root, Reply])],
            new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));
        var json = Encoding.UTF8.GetString(output.ToArray());
        return (json, Fixture.ReadText(new ParleyExport(), json));
    }

    [Fact]
    public async Task EveryFieldComesBackExactly()
    {
        var (_, data) = await RoundTripAsync();

        var thread = Assert.Single(data.Threads);
        Assert.Equal(("/ü/?p=1", (string?)null), (thread.Uri, thread.Title));
        var root = thread.Comments[0];
        var reply = thread.Comments[1];
        Assert.Equal(("10", (string?)null, Root.Created, Root.Modified, Root.Mode), (root.Key, root.ParentKey, root.Created, root.Modified, root.Mode));
        Assert.Equal((Root.RemoteAddr, Root.Text, Root.Author, Root.Email, Root.Website), (root.RemoteAddr, root.Text, root.Author, root.Email, root.Website));
        Assert.Equal((Root.Likes, Root.Dislikes, Root.Notification), (root.Likes, root.Dislikes, root.Notification));
        Assert.Equal(Root.Voters, root.Voters);
        Assert.Equal(("12", "10", 0.1 + 0.2, (double?)null), (reply.Key, reply.ParentKey, reply.Created, reply.Modified));
        Assert.Equal((Reply.RemoteAddr, Reply.Text, Reply.Author, Reply.Website, (long?)null), (reply.RemoteAddr, reply.Text, reply.Author, reply.Website, reply.Notification));
        Assert.Equal([], reply.Voters!);
    }

    [Fact]
    public async Task TheFileSaysWhatItIsAndIsDetected()
    {
        var (json, _) = await RoundTripAsync();

        Assert.StartsWith("{\n  \"format\": \"parley-export\",\n  \"version\": 1,\n  \"exported\": 1767323045,", json, StringComparison.Ordinal);
        Assert.Equal("parley", ImportDetector.Detect(json).Name);
    }

    [Fact]
    public void AMissingFieldIsNamedWithTheComment()
    {
        const string json = """{"format": "parley-export", "version": 1, "threads": [{"uri": "/a", "title": null, "comments": [{"id": 7, "parent": null}]}]}""";

        var error = Assert.Throws<ImportException>(() => Fixture.ReadText(new ParleyExport(), json));

        Assert.Equal("thread 1 (\"/a\"), comment id 7: key \"created\" is missing", error.Message);
    }

    [Fact]
    public void AnotherVersionIsRefused()
    {
        var error = Assert.Throws<ImportException>(() => Fixture.ReadText(new ParleyExport(), """{"format": "parley-export", "version": 2, "threads": []}"""));

        Assert.Equal("the top level: not a parley-export file of version 1", error.Message);
    }
}
