using Parley.Core.Config;

namespace Parley.Core.Tests.Config;

public class IniFileEditingTests
{
    [Fact]
    public void SetReplacesValueKeepingSpellingAndSeparator()
    {
        var file = IniFile.Parse("# top\n[general]\n  Max-Age  :  15m\nname=a\n");

        file.Set("general", "max-age", "1h");
        file.Set("general", "NAME", "b");

        Assert.Equal("# top\n[general]\n  Max-Age  :  1h\nname=b\n", file.ToString());
    }

    [Fact]
    public void SetOnEmptyValueAddsASpaceOnlyWhereTheStyleHasOne()
    {
        var file = IniFile.Parse("[s]\na =\nb=\nc:\n");

        file.Set("s", "a", "1");
        file.Set("s", "b", "2");
        file.Set("s", "c", "3");

        Assert.Equal("[s]\na = 1\nb=2\nc: 3\n", file.ToString());
    }

    [Fact]
    public void SetReplacesAllLinesOfAMultiLineValue()
    {
        var file = IniFile.Parse("[general]\nhost =\n   http://a\n   http://b\nname = x\n");

        file.Set("general", "host", "\nhttps://c\nhttps://d\nhttps://e");

        Assert.Equal("[general]\nhost =\n   https://c\n   https://d\n   https://e\nname = x\n", file.ToString());
        Assert.Equal("\nhttps://c\nhttps://d\nhttps://e", file.Get("general", "host"));
    }

    [Fact]
    public void SetWritesANewMultiLineValueWithIndentedContinuation()
    {
        var file = IniFile.Parse("[server]\nlisten = http://x:1\n");

        file.Set("server", "trusted-proxies", "10.0.0.1\n10.0.0.2");

        Assert.Equal("[server]\nlisten = http://x:1\ntrusted-proxies = 10.0.0.1\n    10.0.0.2\n", file.ToString());
    }

    [Fact]
    public void SetAppendsMissingKeyAfterTheSectionsLastEntry()
    {
        var file = IniFile.Parse("[general]\nname = a\n\n# about smtp\n[smtp]\nhost = h\n");

        file.Set("general", "max-age", "1h");

        Assert.Equal("[general]\nname = a\nmax-age = 1h\n\n# about smtp\n[smtp]\nhost = h\n", file.ToString());
    }

    [Fact]
    public void SetAppendsMissingSectionAtTheEndInTheFilesLineEnding()
    {
        var file = IniFile.Parse("[general]\r\nname = a");

        file.Set("admin", "enabled", "true");

        Assert.Equal("[general]\r\nname = a\r\n\r\n[admin]\r\nenabled = true\r\n", file.ToString());
    }

    [Fact]
    public void SetIntoEmptyFileCreatesTheSection()
    {
        var file = IniFile.Parse("");

        file.Set("general", "host", "https://example.tld");

        Assert.Equal("[general]\nhost = https://example.tld\n", file.ToString());
    }

    [Fact]
    public void SetGivesABareKeyAValue()
    {
        var file = IniFile.Parse("[smtp]\npassword\n");

        file.Set("smtp", "password", "secret");

        Assert.Equal("[smtp]\npassword = secret\n", file.ToString());
        Assert.Empty(file.Problems);
    }

    [Fact]
    public void SetOfTheLastLineKeepsTheMissingFinalNewline()
    {
        var file = IniFile.Parse("[general]\nname = a");

        file.Set("general", "name", "b");

        Assert.Equal("[general]\nname = b", file.ToString());
    }

    [Fact]
    public void SetRejectsWhatCouldNotBeReadBack()
    {
        var file = IniFile.Parse("");

        Assert.Throws<ArgumentException>(() => file.Set("general", "a=b", "x"));
        Assert.Throws<ArgumentException>(() => file.Set("", "a", "x"));
        Assert.Throws<ArgumentException>(() => file.Set("general", "a", "x\n# y"));
    }

    [Fact]
    public void RemoveDeletesTheKeyAndItsContinuationOnly()
    {
        var file = IniFile.Parse("[general]\n# hosts\nhost =\n  a\n  b\n\nname = x\n");

        Assert.True(file.Remove("general", "HOST"));
        Assert.False(file.Remove("general", "host"));
        Assert.False(file.Remove("nowhere", "host"));

        Assert.Equal("[general]\n# hosts\n\nname = x\n", file.ToString());
    }
}
