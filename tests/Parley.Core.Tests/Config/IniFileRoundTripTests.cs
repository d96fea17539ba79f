using Parley.Core.Config;

namespace Parley.Core.Tests.Config;

public class IniFileRoundTripTests
{
    private const string HandWritten = """
        # Isso configuration for example.tld
        ; maintained by hand

        [general]
        dbpath   =   /var/lib/isso/comments.db
        Name: blog
        host =
            https://example.tld/
            http://example.tld/

            # the staging site
            https://staging.example.tld
        max-age = 1h30m
        notify = stdout, smtp
          ; an indented comment between keys

        [server]
        listen=http://localhost:1234/
        public-endpoint :https://comments.example.tld/
        trusted-proxies =
        	10.0.0.1
        	10.0.0.2

        [smtp]
        password = %s%%foo ; not a comment
        from = Isso <isso@example.tld>   

        [my.plugin]
        unknown-key = kept as is
        another:value:with:colons

        [general.backup]
        ; empty section with a comment only
        """;

    [Fact]
    public void HandWrittenFileRoundTripsByteForByte()
    {
        Assert.Equal(HandWritten, IniFile.Parse(HandWritten).ToString());
    }

    [Fact]
    public void CrlfFileRoundTripsByteForByte()
    {
        var crlf = HandWritten.ReplaceLineEndings("\r\n") + "\r\n";
        Assert.Equal(crlf, IniFile.Parse(crlf).ToString());
    }

    [Fact]
    public void MixedLineEndingsAndOldMacEndingsRoundTrip()
    {
        var mixed = "[general]\r\nhost =\n  a\r  b\r\n\nname = x";
        var file = IniFile.Parse(mixed);
        Assert.Equal(mixed, file.ToString());
        Assert.Equal("\na\nb", file.Get("general", "host"));
    }

    [Fact]
    public void FileWithoutFinalNewlineKeepsItMissing()
    {
        const string text = "[general]\nname = x";
        Assert.Equal(text, IniFile.Parse(text).ToString());
    }

    [Fact]
    public void EmptyFileAndByteOrderMarkRoundTrip()
    {
        Assert.Equal("", IniFile.Parse("").ToString());
        const string withBom = "\uFEFF[general]\nname = x\n";
        var file = IniFile.Parse(withBom);
        Assert.Equal(withBom, file.ToString());
        Assert.Equal("x", file.Get("general", "name"));
        Assert.Empty(file.Problems);
    }

    [Fact]
    public void HandWrittenFileReadsAsConfigparserWould()
    {
        var file = IniFile.Parse(HandWritten);

        Assert.Empty(file.Problems);
        Assert.Equal(["general", "server", "smtp", "my.plugin", "general.backup"], file.Sections);
        Assert.Equal("/var/lib/isso/comments.db", file.Get("general", "dbpath"));
        Assert.Equal("blog", file.Get("general", "name"));
        Assert.Equal("\nhttps://example.tld/\nhttp://example.tld/\n\nhttps://staging.example.tld", file.Get("general", "host"));
        Assert.Equal("http://localhost:1234/", file.Get("server", "listen"));
        Assert.Equal("https://comments.example.tld/", file.Get("server", "public-endpoint"));
        Assert.Equal("\n10.0.0.1\n10.0.0.2", file.Get("server", "trusted-proxies"));
        Assert.Equal("%s%%foo ; not a comment", file.Get("smtp", "password"));
        Assert.Equal("Isso <isso@example.tld>", file.Get("smtp", "from"));
        Assert.Equal("value:with:colons", file.Get("my.plugin", "another"));
        Assert.Empty(file.Entries("general.backup"));
    }
}
