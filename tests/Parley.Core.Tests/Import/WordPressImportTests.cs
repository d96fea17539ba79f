using Parley.Core.Comments;
using Parley.Core.Import;

namespace Parley.Core.Tests.Import;

public sealed class WordPressImportTests
{
    private static readonly ImportedData Data = Fixture.Read(new WordPressImport(), "wordpress.xml");

    private static ImportedComment Comment(string id) => Fixture.Comment(Data, id);

    [Fact]
    public void ItemsWithTitleAndCommentsAreThreadsWithTheirQuery()
    {
        Assert.Equal(["/2014/01/hello-world/", "/?p=4"], Data.Threads.Select(t => t.Uri));
        Assert.Equal(["Hello world!", "A page known by its id"], Data.Threads.Select(t => t.Title));
        Assert.Equal([7, 2], Data.Threads.Select(t => t.Comments.Count));
    }

    [Fact]
    public void OnlyApprovedCommentsArePublishedAndSpamAndTrashWait()
    {
        var modes = Data.Threads[0].Comments.ToDictionary(c => c.Key, c => c.Mode);

        Assert.Equal(CommentMode.Published, modes["1"]);
        Assert.Equal(CommentMode.Pending, modes["2"]);
        Assert.Equal(CommentMode.Pending, modes["3"]);
        Assert.Equal(CommentMode.Pending, modes["4"]);
        Assert.Equal(CommentMode.Published, modes["7"]);
    }

    [Fact]
    public void CommentsComeInIdOrderWithRepliesUnderTheTopLevelComment()
    {
        Assert.Equal(["1", "2", "3", "4", "5", "6", "7"], Data.Threads[0].Comments.Select(c => c.Key));
        Assert.Equal([null, null, null, null, "1", "1", "1"], Data.Threads[0].Comments.Select(c => c.ParentKey));
        Assert.Equal("10", Comment("11").ParentKey);
    }

    [Fact]
    public void LineBreaksBecomeMarkdownHardBreaks()
    {
        Assert.Equal("Hi, this is a comment.  \nTo delete a comment, just log in and view the post's comments.  \n  \nThere you will have the option to edit or delete them.",
            Comment("1").Text);
        Assert.Equal("Starts with a newline.  \nEnds with one too.", Comment("10").Text);
    }

    [Fact]
    public void AddressesAreAnonymisedIncludingMappedAndV6Ones()
    {
        Assert.Equal("0.0.0.0", Comment("1").RemoteAddr);
        Assert.Equal("82.119.20.0", Comment("2").RemoteAddr);
        Assert.Equal("2001:0db8:85a3:0000:0000:0000:0000:0000", Comment("7").RemoteAddr);
    }

    [Fact]
    public void AuthorsAndWebsitesAreTrimmedAndEscapedEmptyOnesNull()
    {
        Assert.Equal("Élodie &lt;em&gt;Dupont&lt;/em&gt; &amp; fils", Comment("5").Author);
        Assert.Equal("http://élodie.example/?a=1&amp;b=&quot;2&quot;", Comment("5").Website);
        Assert.Equal("paula.example.org", Comment("2").Website);
        Assert.Null(Comment("1").Email);
        Assert.Null(Comment("6").Website);
        Assert.Equal("https://wordpress.org/", Comment("1").Website);
    }

    [Fact]
    public void GmtDatesAreUtcAndAZeroGmtDateFallsBackToTheLocalOne()
    {
        Assert.Equal(Fixture.Utc(2014, 1, 16, 21, 49, 33), Comment("1").Created);
        Assert.Equal(Fixture.Utc(2014, 1, 17, 8, 0, 0), Comment("2").Created);
    }

    [Fact]
    public void ABadIdNamesTheCommentLine()
    {
        const string xml = """
            <rss xmlns:wp="http://wordpress.org/export/1.2/"><channel>
              <item><title>T</title><link>http://x/</link>
                <wp:comment><wp:comment_id>seven</wp:comment_id></wp:comment>
              </item>
            </channel></rss>
            """;

        var error = Assert.Throws<ImportException>(() => Fixture.ReadText(new WordPressImport(), xml));

        Assert.Equal("<wp:comment> at line 3: comment_id 'seven' is not an integer", error.Message);
    }

    [Fact]
    public void AFileWithoutTheWordPressNamespaceIsRefused()
    {
        var error = Assert.Throws<ImportException>(() => Fixture.Read(new WordPressImport(), "disqus-bad-date.xml"));

        Assert.Contains("line 2: <disqus> declares no WordPress namespace", error.Message, StringComparison.Ordinal);
    }
}
