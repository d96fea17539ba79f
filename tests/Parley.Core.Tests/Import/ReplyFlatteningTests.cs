using Parley.Core.Import;

namespace Parley.Core.Tests.Import;

public sealed class ReplyFlatteningTests
{
    private static ImportedComment C(string key, string? parent = null) => new() { Key = key, ParentKey = parent };

    [Fact]
    public void UnknownParentsMakeTopLevelCommentsAndTheirRepliesFollowThem()
    {
        var skipped = new List<string>();

        var flat = ReplyFlattening.Flatten([C("a", "gone"), C("b", "a"), C("c", "b")], skipped);

        Assert.Equal([null, "a", "a"], flat.Select(c => c.ParentKey));
        Assert.Empty(skipped);
    }

    [Fact]
    public void ACycleOfRepliesIsLeftOutAndReported()
    {
        var skipped = new List<string>();

        var flat = ReplyFlattening.Flatten([C("top"), C("x", "y"), C("y", "x"), C("z", "x")], skipped);

        Assert.Equal(["top"], flat.Select(c => c.Key));
        Assert.Equal(3, skipped.Count);
    }

    [Theory]
    [InlineData("http://example.org", "/")]
    [InlineData("https://example.org/a/b/?x=1#c", "/a/b/")]
    [InlineData("http://example.org/ünï/", "/ünï/")]
    [InlineData("/relative/path", "/relative/path")]
    public void LinksBecomeTheirPath(string link, string path) => Assert.Equal(path, ImportText.LinkPath(link, keepQuery: false));

    [Fact]
    public void WordPressKeepsTheQuery() => Assert.Equal("/?p=4", ImportText.LinkPath("http://blog.example.com/?p=4", keepQuery: true));
}
