using Xunit.Abstractions;

namespace Parley.Browser.Tests;

/// <summary>
/// WCAG 1.4.11 and 1.4.3 as the browser computes them: field and button borders at least 3:1 against what surrounds
/// them and against their own fill, placeholders at least 4.5:1, in the light and the dark theme.
/// </summary>
public sealed class ContrastTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    // For each element: [name, border vs the background around it, border vs its own fill, placeholder vs its fill].
    private const string Measure = """
        els => {
          const rgb = (c) => c.match(/[\d.]+/g).map(Number);
          const lum = ([r, g, b]) => [r, g, b].map((v) => v / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4))
            .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
          const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
          const fill = (e) => {
            for (let n = e; n; n = n.parentElement) {
              const c = rgb(getComputedStyle(n).backgroundColor);
              if (c.length < 4 || c[3] > 0) return c.slice(0, 3);
            }
            return matchMedia('(prefers-color-scheme: dark)').matches ? [18, 18, 18] : [255, 255, 255];
          };
          return els.map((e) => {
            const border = rgb(getComputedStyle(e).borderTopColor).slice(0, 3);
            const own = fill(e), around = fill(e.parentElement);
            const placeholder = e.placeholder ? ratio(rgb(getComputedStyle(e, '::placeholder').color).slice(0, 3), own) : 99;
            return [e.name || e.className || e.tagName, ratio(border, around), ratio(border, own), placeholder];
          });
        }
        """;

    [Theory]
    [InlineData(ColorScheme.Light)]
    [InlineData(ColorScheme.Dark)]
    public async Task FieldsAndButtonsStandOutInBothThemes(ColorScheme scheme)
    {
        await using var site = await TestSite.StartAsync(browser, output);
        var session = await site.SessionInAsync(scheme);
        await site.OpenPostAsync("/post-1/", page: session.Page);

        var measured = await session.Page.Locator("#isso-thread > .isso-postbox")
            .Locator("textarea, input[type=text], input[type=email], input[type=button]")
            .EvaluateAllAsync<object[][]>(Measure);
        Check(scheme, measured, least: 5);
    }

    [Theory]
    [InlineData(ColorScheme.Light)]
    [InlineData(ColorScheme.Dark)]
    public async Task TheAdminPanelsFieldsAndButtonsStandOutInBothThemes(ColorScheme scheme)
    {
        await using var site = await TestSite.StartAsync(browser, output, AdminPanel.Settings);
        await site.Api.PostAsync("/post-1/", "Please approve me", author: "Ann");
        var session = await site.SessionInAsync(scheme);
        var page = session.Page;
        await AdminPanel.OpenAsync(page, site);
        var signIn = await page.Locator("input, button").EvaluateAllAsync<object[][]>(Measure);
        Check(scheme, signIn, least: 2);

        await AdminPanel.SignInAsync(page);
        await Expect(page.Locator("li.parley-comment")).ToHaveCountAsync(1);
        // Pressed buttons are filled with the accent colour, their border is that fill: what stands out is the fill.
        var panel = await page.Locator("input:visible, select:visible, textarea:visible, button:visible:not([aria-pressed=true])")
            .EvaluateAllAsync<object[][]>(Measure);
        Check(scheme, panel, least: 5);
    }

    private void Check(ColorScheme scheme, object[][] measured, int least)
    {
        Assert.True(measured.Length >= least, $"only {measured.Length} fields");
        foreach (var row in measured)
        {
            var (name, around, own, placeholder) = (row[0].ToString(), Number(row[1]), Number(row[2]), Number(row[3]));
            output.WriteLine($"{scheme} {name}: border {around:F2}:1 around, {own:F2}:1 own fill; placeholder {placeholder:F2}:1");
            Assert.True(around >= 3, $"{scheme} {name}: border {around:F2}:1 against the page");
            Assert.True(own >= 3, $"{scheme} {name}: border {own:F2}:1 against its fill");
            Assert.True(placeholder >= 4.5, $"{scheme} {name}: placeholder {placeholder:F2}:1");
        }
    }

    private static double Number(object value) => value is System.Text.Json.JsonElement e ? e.GetDouble() : Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture);
}
