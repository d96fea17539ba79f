using Parley.Core.Config;

namespace Parley.Core.Tests.Config;

public class IniFileParseTests
{
    [Fact]
    public void SectionNamesAreCaseSensitiveAndKeysAreNot()
    {
        var file = IniFile.Parse("[General]\nMax-Age = 1h\n[general]\nmax-age = 2h\n");

        Assert.Equal("1h", file.Get("General", "max-age"));
        Assert.Equal("2h", file.Get("general", "MAX-AGE"));
        Assert.Equal([("max-age", "2h")], file.Entries("general"));
        Assert.Empty(file.Problems);
    }

    [Fact]
    public void FirstSeparatorSplitsKeyFromValue()
    {
        var file = IniFile.Parse("[s]\na: b = c\nd = e: f\ng=\n");

        Assert.Equal("b = c", file.Get("s", "a"));
        Assert.Equal("e: f", file.Get("s", "d"));
        Assert.Equal("", file.Get("s", "g"));
    }

    [Fact]
    public void CommentsAreFullLineOnlyAndDoNotEndAMultiLineValue()
    {
        var file = IniFile.Parse("[s]\nhost = a # b\nlist =\n  one\n  # skipped\n  ; skipped\n\n  two\n\n# after\n");

        Assert.Equal("a # b", file.Get("s", "host"));
        Assert.Equal("\none\n\ntwo", file.Get("s", "list"));
    }

    [Fact]
    public void IndentedSectionLikeLineContinuesAValue()
    {
        var file = IniFile.Parse("[s]\nkey = a\n  [t]\n");

        Assert.Equal("a\n[t]", file.Get("s", "key"));
        Assert.Equal(["s"], file.Sections);
    }

    [Fact]
    public void DuplicateSectionIsAProblemWithItsLine()
    {
        var file = IniFile.Parse("[general]\nname = a\n\n[general]\nname = b\n");

        var problem = Assert.Single(file.Problems);
        Assert.Equal(new ConfigProblem("general", null, "section appears twice (first at line 1)", 4), problem);
        Assert.Equal("[general]: section appears twice (first at line 1) (line 4)", problem.ToString());
    }

    [Fact]
    public void DuplicateKeyIsAProblemEvenInAnotherSpelling()
    {
        var file = IniFile.Parse("[general]\nname = a\nNAME = b\n");

        var problem = Assert.Single(file.Problems);
        Assert.Equal(("general", "name", 3), (problem.Section, problem.Key, problem.Line));
        Assert.Equal("a", file.Get("general", "name"));
    }

    [Fact]
    public void BareKeyIsAProblemButIsKept()
    {
        const string text = "[smtp]\npassword\n";
        var file = IniFile.Parse(text);

        var problem = Assert.Single(file.Problems);
        Assert.Equal(("smtp", "password", 2), (problem.Section, problem.Key, problem.Line));
        Assert.True(file.Has("smtp", "password"));
        Assert.Null(file.Get("smtp", "password"));
        Assert.Equal(text, file.ToString());
    }

    [Fact]
    public void KeyBeforeAnySectionIsAProblem()
    {
        var file = IniFile.Parse("# hello\nname = x\n[general]\n");

        var problem = Assert.Single(file.Problems);
        Assert.Equal(("", "name", 2), (problem.Section, problem.Key, problem.Line));
        Assert.Equal("name: appears before the first [section] header (line 2)", problem.ToString());
    }

    [Fact]
    public void SeparatorWithoutKeyIsAProblem()
    {
        var problem = Assert.Single(IniFile.Parse("[s]\n= value\n").Problems);
        Assert.Equal(2, problem.Line);
    }

    [Fact]
    public void GetDoesNotLookIntoDefaultSection()
    {
        var file = IniFile.Parse("[DEFAULT]\nname = x\n[general]\n");

        Assert.Null(file.Get("general", "name"));
        Assert.Equal("x", file.Get("DEFAULT", "name"));
    }
}
