using System.Globalization;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace Parley.Browser.Tests;

/// <summary>A link to <c>#isso-&lt;id&gt;</c> brings that comment into view and marks it.</summary>
public sealed class PermalinkTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task OpeningAPermalinkMarksThatComment()
    {
        await using var site = await TestSite.StartAsync(browser, output);
        var ids = await site.Api.PostManyAsync("/post-1/", 25);
        var target = ids[20];
        var url = site.Pages.AddPage("/post-1/", PageMarkup.Post(site.Parley.Origin));

        await site.Page.GotoAsync(url + "#isso-" + target.ToString(CultureInfo.InvariantCulture));

        var dom = new ThreadDom(site.Page);
        await Expect(dom.Comment(target).Element.Locator(":scope > .isso-text-wrapper")).ToHaveClassAsync(new Regex(@"\bisso-target\b"));
        await Expect(site.Page.Locator(".isso-target")).ToHaveCountAsync(1);
        await Expect(dom.Comment(target).Element).ToBeInViewportAsync();
    }
}
