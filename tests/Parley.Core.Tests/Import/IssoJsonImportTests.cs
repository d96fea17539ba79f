using Parley.Core.Comments;
using Parley.Core.Import;

namespace Parley.Core.Tests.Import;

public sealed class IssoJsonImportTests
{
    private static readonly ImportedData Data = Fixture.Read(new IssoJsonImport(), "generic.json");

    [Fact]
    public void EveryThreadIsKeptWithItsTitleVerbatim()
    {
        Assert.Equal(["/posts/0001/", "/posts/0002/", "/posts/empty/"], Data.Threads.Select(t => t.Uri));
        Assert.Equal(["Test+post", "Nat+%26+Miguel", "No comments yet"], Data.Threads.Select(t => t.Title));
        Assert.Equal([2, 1, 0], Data.Threads.Select(t => t.Comments.Count));
    }

    [Fact]
    public void CommentsAreTopLevelPublishedAndOrderedById()
    {
        Assert.Equal(["1", "2"], Data.Threads[0].Comments.Select(c => c.Key));
        Assert.All(Data.Threads.SelectMany(t => t.Comments), c => Assert.Equal((CommentMode.Published, (string?)null), (c.Mode, c.ParentKey)));
    }

    [Fact]
    public void FieldsAreReadWithUtcTimesAndEscapedAuthors()
    {
        var first = Fixture.Comment(Data, "1");
        var second = Fixture.Comment(Data, "2");

        Assert.Equal(Fixture.Utc(2005, 2, 24, 3, 3, 37), first.Created);
        Assert.Equal("203.0.113.7", first.RemoteAddr);
        Assert.Equal("Great men can't be ruled.", first.Text);
        Assert.Equal("", first.Website);
        Assert.Equal("Second &lt;Writer&gt;", second.Author);
        Assert.Equal("http://www.example.com/?a=1&amp;b=2", second.Website);
        Assert.Equal("Frohes neues Jahr!\n\nSecond paragraph.", Fixture.Comment(Data, "0").Text);
    }

    [Fact]
    public void GarbledJsonNamesTheLineAndPosition()
    {
        var error = Assert.Throws<ImportException>(() => Fixture.Read(new IssoJsonImport(), "garbled.json"));

        Assert.StartsWith("line 10, position 9: not valid JSON", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingKeyIsNamedWithItsThreadAndComment()
    {
        const string json = """[{"id": "/a/", "title": "A", "comments": [{"id": 1, "author": "x", "email": "", "website": "", "remote_addr": "0.0.0.0", "text": "hi"}]}]""";

        var error = Assert.Throws<ImportException>(() => Fixture.ReadText(new IssoJsonImport(), json));

        Assert.Equal("thread 1 (\"/a/\"), comment 1: key \"created\" is missing", error.Message);
    }

    [Fact]
    public void ABadDateIsNamed()
    {
        const string json = """[{"id": "/a/", "title": "A", "comments": [{"id": 1, "author": "x", "email": "", "website": "", "remote_addr": "0.0.0.0", "created": "yesterday", "text": "hi"}]}]""";

        var error = Assert.Throws<ImportException>(() => Fixture.ReadText(new IssoJsonImport(), json));

        Assert.Equal("thread 1 (\"/a/\"), comment 1: created 'yesterday' is not a date (YYYY-MM-DD HH:MM:SS)", error.Message);
    }
}
