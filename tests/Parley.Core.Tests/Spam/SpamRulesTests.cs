using Parley.Core.Comments;
using Parley.Core.Config;
using Parley.Core.Spam;

namespace Parley.Core.Tests.Spam;

public sealed class SpamRulesTests
{
    private static WordRule Rule(string entry) => WordRule.TryParse(entry, out var error) ?? throw new InvalidOperationException(error);

    private static CommentInput Comment(string text, string? author = null, string? website = null) =>
        new() { Text = text, Author = author, Website = website };

    [Theory]
    [InlineData("casino", "Visit our CASINO today", true)]
    [InlineData("casino", "casino!", true)]
    [InlineData("casino", "casinos", false)]
    [InlineData("casino", "the occasional", false)]
    [InlineData("cheap pills", "buy cheap pills now", true)]
    [InlineData("cheap pills", "cheap  pills", false)]
    [InlineData("c++", "I like C++ a lot", true)]
    [InlineData("/v[i1]agra/", "V1AGRA here", true)]
    [InlineData("/^spam$/", "spam", true)]
    [InlineData("/^spam$/", "not spam", false)]
    public void WordsMatchWholeAndAnyCaseAndExpressionsAsWritten(string entry, string text, bool matches)
    {
        Assert.Equal(matches, Rule(entry).Matches(text));
    }

    [Theory]
    [InlineData("/[unclosed/", "is not a usable regular expression")]
    [InlineData("/(a)\\1/", "uses what Parley's expressions do not support")]
    [InlineData("//", "// is an empty expression")]
    public void AnExpressionThatCannotRunIsAnErrorNamingIt(string entry, string message)
    {
        Assert.Null(WordRule.TryParse(entry, out var error));
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("no links here", 0)]
    [InlineData("see https://a.example/x and http://b.example", 2)]
    [InlineData("[text](https://a.example/) and <a href=\"http://b.example\">b</a>", 2)]
    [InlineData("https://www.example.com counts once, www.example.org once more", 2)]
    [InlineData("an e-mail ann@www.example.org is no link, nor is https:// alone", 0)]
    public void LinksAreCounted(string text, int links)
    {
        Assert.Equal(links, SpamRules.Links(text));
    }

    [Fact]
    public void BlockedWordsRefuseWithoutSayingWhichAndSuspectWordsAndLinksHold()
    {
        var spam = new SpamConfig { BlockedWords = [Rule("casino")], SuspectWords = [Rule("/crypto\\w*/")], MaxLinks = 1 };
        var refused = Assert.Throws<RuleViolationException>(() => SpamRules.Check(spam, Comment("Nice post", author: "Casino King")));
        Assert.Equal((ViolationKind.Forbidden, SpamRules.RefusedMessage), (refused.Kind, refused.Message));
        Assert.DoesNotContain("casino", refused.Message, StringComparison.OrdinalIgnoreCase);

        Assert.Equal("suspect word: /crypto\\w*/", SpamRules.Check(spam, Comment("Cryptocurrency tips")));
        Assert.Equal("2 links (more than 1)", SpamRules.Check(spam, Comment("https://a.example https://b.example")));
        Assert.Null(SpamRules.Check(spam, Comment("One link: https://a.example", website: "https://me.example")));
        Assert.Null(SpamRules.Check(new SpamConfig(), Comment("https://a.example https://b.example https://c.example https://d.example")));
    }

    [Fact]
    public void TheSectionIsReadAndABadExpressionStopsStartUpNamingKeyAndPattern()
    {
        var result = ConfigReader.Read(IniFile.Parse("""
            [spam]
            proof-of-work = true
            proof-of-work-cost = 50000
            honeypot = true
            blocked-words = casino, cheap pills
                /v[i1]agra/
            suspect-words = /crypto, with a comma/
            max-links = 3
            """), _ => null);
        Assert.Empty(result.Errors);
        var spam = result.Config.Spam;
        Assert.True(spam.ProofOfWork && spam.Honeypot);
        Assert.Equal(50000, spam.ProofOfWorkCost);
        Assert.Equal(["casino", "cheap pills", "/v[i1]agra/"], spam.BlockedWords.Select(r => r.Text));
        Assert.Equal(["/crypto, with a comma/"], spam.SuspectWords.Select(r => r.Text));
        Assert.Equal(3, spam.MaxLinks);

        var defaults = ConfigReader.Read(IniFile.Parse(""), _ => null).Config.Spam;
        Assert.False(defaults.ProofOfWork || defaults.Honeypot);
        Assert.Empty(defaults.BlockedWords);
        Assert.Null(defaults.MaxLinks);

        var bad = ConfigReader.Read(IniFile.Parse("[spam]\nblocked-words = fine\n    /(unclosed/\nmax-links = many\n"), _ => null);
        Assert.Equal(2, bad.Errors.Count);
        Assert.StartsWith("[spam] blocked-words: \"/(unclosed/\" is not a usable regular expression", bad.Errors[0].ToString(), StringComparison.Ordinal);
        Assert.Equal("[spam] max-links: \"many\" is not a whole number of 0 or more (or empty for no limit)", bad.Errors[1].ToString());
    }
}
