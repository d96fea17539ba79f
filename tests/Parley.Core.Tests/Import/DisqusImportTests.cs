using Parley.Core.Comments;
using Parley.Core.Import;

namespace Parley.Core.Tests.Import;

public sealed class DisqusImportTests
{
    private static readonly ImportedData Data = Fixture.Read(new DisqusImport(), "disqus.xml");

    private static ImportedComment Post(string id) => Fixture.Comment(Data, id);

    [Fact]
    public void CountsEveryImportedPostByMode()
    {
        var modes = Data.Threads.SelectMany(t => t.Comments).GroupBy(c => c.Mode).ToDictionary(g => g.Key, g => g.Count());

        // 214 posts: 1 orphan and 3 unreplied deleted posts are left out.
        Assert.Equal(210, Data.CommentCount);
        Assert.Equal(183, modes[CommentMode.Published]);
        Assert.Equal(21, modes[CommentMode.Pending]);
        Assert.Equal(6, modes[CommentMode.Deleted]);
    }

    [Fact]
    public void ThreadsAreThePathsOfTheirLinksAndSharedPathsMerge()
    {
        Assert.Equal(["/blog/first/", "/blog/second/", "/blog/shared/", "/blog/ünïcode/"], Data.Threads.Select(t => t.Uri));
        Assert.Equal(["First post", "Second post", "Shared path", "Ünïcode — 日本語"], Data.Threads.Select(t => t.Title));
        Assert.Equal(80, Data.Threads[2].Comments.Count);
    }

    [Fact]
    public void RepliesHangUnderTheirTopLevelAncestor()
    {
        Assert.Null(Post("1001").ParentKey);
        Assert.Equal(["1001", "1001", "1001"], new[] { "1002", "1003", "1004" }.Select(id => Post(id).ParentKey));
        Assert.Equal(["10100", "10100", "10100"], new[] { "10101", "10102", "10103" }.Select(id => Post(id).ParentKey));
        // Its parent was a deleted reply, which goes; the reply stays under the top-level comment.
        Assert.Equal("1001", Post("1013").ParentKey);
    }

    [Fact]
    public void DeletedPostsStayAsPlaceholdersOnlyWhenAnswered()
    {
        var placeholder = Post("1005");
        Assert.Equal((CommentMode.Deleted, "", null), (placeholder.Mode, placeholder.Text, placeholder.Author));
        Assert.Equal("1005", Post("1006").ParentKey);
        Assert.Equal(CommentMode.Deleted, Post("10120").Mode);
        var keys = Data.Threads.SelectMany(t => t.Comments).Select(c => c.Key).ToHashSet();
        Assert.DoesNotContain("1007", keys);
        Assert.DoesNotContain("1011", keys);
        Assert.DoesNotContain("1012", keys);
    }

    [Fact]
    public void SpamIsImportedPending()
    {
        Assert.Equal(CommentMode.Pending, Post("1008").Mode);
        Assert.Equal(CommentMode.Pending, Post("10109").Mode);
    }

    [Fact]
    public void AuthorsAreEscapedLikeTheApiAndKeepTheirLetters()
    {
        Assert.Equal("Bob &lt;b&gt;bold&lt;/b&gt; &amp; Co", Post("1010").Author);
        Assert.Equal("渡辺 健", Post("1003").Author);
        Assert.Equal("user1002@example.com", Post("1002").Email);
        Assert.Equal("Comment 1 on thread 101: Grüße, 你好 🙂", Post("10101").Text);
    }

    [Fact]
    public void HtmlMessagesAreStoredAsMarkdown()
    {
        var data = Fixture.Read(new DisqusImport(), "disqus-html.xml");

        Assert.Equal(
            "First paragraph with **bold** and *italic* words.\n\nSecond paragraph, line one  \nline two, and [the docs](https://example.org/docs?a=1&b=2).",
            Fixture.Comment(data, "101").Text);
        Assert.Equal(
            "> First paragraph with bold\n\nTry `x < y && *z*` here:\n\n```\nfor (i = 0; i < 3; i++) {\n    print(i);\n}\n```\n\nTom & Jerry <3 €5 — *really*.",
            Fixture.Comment(data, "102").Text);
        Assert.Equal("Hostile: click me \\<p>not a tag\\</p> \\*not emphasis\\* and a span", Fixture.Comment(data, "103").Text);
    }

    [Fact]
    public void MissingMailAndAddressBecomeEmptyAndUnknown()
    {
        Assert.Equal(("", "0.0.0.0"), (Post("1009").Email, Post("1009").RemoteAddr));
        Assert.Equal("198.51.100.0", Post("10101").RemoteAddr);
        Assert.Equal("2001:0db8:0065:0000:0000:0000:0000:0000", Post("10100").RemoteAddr);
    }

    [Fact]
    public void TimesAreReadAsUtcAndPostsComeOldestFirst()
    {
        Assert.Equal(Fixture.Utc(2015, 1, 4, 2, 0, 0), Post("1001").Created);
        Assert.Equal(Fixture.Utc(2015, 1, 2, 1, 0, 0), Post("10101").Created);
        var first = Data.Threads[0].Comments.Select(c => c.Created).ToList();
        Assert.Equal(first.Order(), first);
        Assert.All(Data.Threads.SelectMany(t => t.Comments), c => Assert.Null(c.Voters));
    }

    [Fact]
    public void APostWithoutItsThreadIsReportedAndLeftOut()
    {
        var orphan = Assert.Single(Data.Skipped);
        Assert.Contains("9999", orphan, StringComparison.Ordinal);
        Assert.Contains("Lost Soul", orphan, StringComparison.Ordinal);
    }

    [Fact]
    public void ABadDateNamesThePostAndItsLine()
    {
        var error = Assert.Throws<ImportException>(() => Fixture.Read(new DisqusImport(), "disqus-bad-date.xml"));

        Assert.Equal("post dsq:id=123 (line 15): createdAt 'xyz' is not a date (YYYY-MM-DDTHH:MM:SSZ)", error.Message);
    }

    [Fact]
    public void ATruncatedFileNamesTheLineWhereItEnds()
    {
        var error = Assert.Throws<ImportException>(() => Fixture.Read(new DisqusImport(), "truncated-disqus.xml"));

        Assert.StartsWith("line 91, position 80: not well-formed XML", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnotherFormatIsRefusedByItsRootElement()
    {
        var error = Assert.Throws<ImportException>(() => Fixture.Read(new DisqusImport(), "wordpress.xml"));

        Assert.Equal("line 3: the root element <rss> is not <disqus xmlns=\"http://disqus.com\">", error.Message);
    }

    [Fact]
    public void AMissingElementIsNamed()
    {
        const string xml = """
            <disqus xmlns="http://disqus.com" xmlns:dsq="http://disqus.com/disqus-internals">
              <thread dsq:id="1"><link>http://example.org/</link></thread>
              <post dsq:id="5"><thread dsq:id="1" /></post>
            </disqus>
            """;

        var error = Assert.Throws<ImportException>(() => Fixture.ReadText(new DisqusImport(), xml));

        Assert.Equal("post dsq:id=5 (line 3): <createdAt> is missing", error.Message);
    }

    [Fact]
    public void DoctypesAreRefused()
    {
        const string xml = """
            <?xml version="1.0"?>
            <!DOCTYPE disqus [<!ENTITY x SYSTEM "file:///etc/passwd">]>
            <disqus xmlns="http://disqus.com">&x;</disqus>
            """;

        var error = Assert.Throws<ImportException>(() => Fixture.ReadText(new DisqusImport(), xml));

        Assert.StartsWith("not well-formed XML (For security reasons DTD is prohibited", error.Message, StringComparison.Ordinal);
    }
}
