using Parley.Core.Import;

namespace Parley.Core.Tests.Import;

public sealed class ImportDetectorTests
{
    [Theory]
    [InlineData("disqus.xml", "disqus")]
    [InlineData("truncated-disqus.xml", "disqus")]
    [InlineData("wordpress.xml", "wordpress")]
    [InlineData("generic.json", "generic")]
    [InlineData("garbled.json", "generic")]
    public void TheFormatIsDetectedFromTheFile(string file, string format)
    {
        using var input = File.OpenRead(Fixture.Path(file));

        Assert.Equal(format, ImportDetector.Detect(input).Name);
        Assert.Equal(0, input.Position);
    }

    [Theory]
    [InlineData("  \n[ {\"id\": \"/\"}]", "generic")]
    [InlineData("\uFEFF{\n  \"format\": \"parley-export\",\n  \"version\": 1", "parley")]
    [InlineData("<rss xmlns:wp=\"http://wordpress.org/export/1.0/\">", "wordpress")]
    public void TheHeadDecides(string head, string format) => Assert.Equal(format, ImportDetector.Detect(head).Name);

    [Theory]
    [InlineData("{\"threads\": []}")]
    [InlineData("<rss><channel/></rss>")]
    [InlineData("")]
    public void AnythingElseIsAnUnknownFormat(string head)
    {
        var error = Assert.Throws<ImportException>(() => ImportDetector.Detect(head));

        Assert.StartsWith("unknown format", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ABinaryFileIsAnUnknownFormat()
    {
        using var input = File.OpenRead(Fixture.Path("unknown.pdf"));

        Assert.StartsWith("unknown format", Assert.Throws<ImportException>(() => ImportDetector.Detect(input)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TypesAreNamedAsTheTypeOptionSaysAndOthersRefused()
    {
        Assert.Equal(["disqus", "wordpress", "generic", "parley"], ImportDetector.Formats.Select(f => f.Name));
        Assert.Equal("unknown --type 'csv'", Assert.Throws<ImportException>(() => ImportDetector.Named("csv")).Message);
    }
}
