using Xunit.Abstractions;

namespace Parley.Browser.Tests;

/// <summary><c>data-isso-lang</c> switches every string to that language's catalogue, plural forms included.</summary>
public sealed class LanguageTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task GermanPageShowsTheGermanCatalogue()
    {
        var de = Catalogue.Load("de");
        Assert.NotEqual(Catalogue.Load("en").Text("comment-reply"), de.Text("comment-reply"));
        await using var site = await TestSite.StartAsync(browser, output);
        var id = await site.Api.PostAsync("/post-1/", "Erster!", from: 1);
        await site.Api.PostAsync("/post-1/", "Zweiter!", from: 2);

        await site.OpenPostAsync("/post-1/", new Dictionary<string, string> { ["lang"] = "de" });

        var dom = new ThreadDom(site.Page);
        await Expect(dom.Heading).ToHaveTextAsync(de.Plural("num-comments", 2));
        await Expect(dom.MainBox.Submit).ToHaveValueAsync(de.Text("postbox-submit"));
        await Expect(dom.MainBox.Preview).ToHaveValueAsync(de.Text("postbox-preview"));
        await Expect(dom.MainBox.Text).ToHaveAttributeAsync("placeholder", de.Text("postbox-text"));
        await Expect(dom.Comment(id).Reply).ToHaveTextAsync(de.Text("comment-reply"));
    }

    [Fact]
    public async Task RussianPageUsesTheFewFormForThreeComments()
    {
        var ru = Catalogue.Load("ru");
        Assert.Equal(1, Catalogue.PluralForm("ru", 3));
        Assert.NotEqual(ru.Plural("num-comments", 3), ru.Plural("num-comments", 5).Replace("5", "3", StringComparison.Ordinal));
        await using var site = await TestSite.StartAsync(browser, output);
        await site.Api.PostManyAsync("/post-1/", 3);
        await site.Api.PostManyAsync("/post-5/", 5);
        await site.Api.PostAsync("/post-21/", "Один", from: 1);
        await site.Api.PostManyAsync("/post-21/", 20);

        await site.OpenPostAsync("/post-1/", new Dictionary<string, string> { ["lang"] = "ru" }, extraBody: $"""
            <p id="five">{PageMarkup.Link(new CountLink("/post-5/#isso-thread"))}</p>
            <p id="twenty-one">{PageMarkup.Link(new CountLink("/post-21/#isso-thread"))}</p>
            """);

        await Expect(new ThreadDom(site.Page).Heading).ToHaveTextAsync(ru.Plural("num-comments", 3));
        await Expect(site.Page.Locator("#five a")).ToHaveTextAsync(ru.Plural("num-comments", 5));
        await Expect(site.Page.Locator("#twenty-one a")).ToHaveTextAsync(ru.Plural("num-comments", 21));
    }
}
