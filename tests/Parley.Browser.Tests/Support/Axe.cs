namespace Parley.Browser.Tests.Support;

/// <summary>axe-core's WCAG 2.1 A and AA rules run in the page, over one part of it.</summary>
public static class Axe
{
    private const string Run = """
        async (selector) => {
          const result = await axe.run(selector ? { include: [[selector]] } : document, {
            runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
            resultTypes: ['violations'],
          });
          // A selector that matched nothing would pass every rule: say so as a violation.
          if (result.passes.length < 5) return [`only ${result.passes.length} rules applied to ${selector ?? 'the page'}`];
          return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ') + ' ' + n.failureSummary.replace(/\s+/g, ' ')).join('\n    ')}`);
        }
        """;

    /// <summary>The violations found under <paramref name="selector"/> (the whole page when null), one line each.</summary>
    public static async Task<IReadOnlyList<string>> ViolationsAsync(IPage page, string? selector)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof axe === 'object'"))
        {
            await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = RepoPaths.Axe });
        }
        return await page.EvaluateAsync<string[]>(Run, selector);
    }
}
