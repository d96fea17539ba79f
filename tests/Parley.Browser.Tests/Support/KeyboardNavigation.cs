
namespace Parley.Browser.Tests.Support;

/// <summary>Moving focus the way a keyboard user does: Tab (or Shift+Tab) until the wanted control has it.</summary>
public static class KeyboardNavigation
{
    /// <summary>
    /// Presses Tab until <paramref name="target"/> is focused; fails if it takes more than
    /// <paramref name="maxPresses"/> (the control is unreachable or buried behind too many stops).
    /// </summary>
    public static async Task TabToAsync(this IPage page, ILocator target, int maxPresses = 60, bool backwards = false)
    {
        await target.WaitForAsync();
        var trail = new List<string>();
        for (var i = 0; i < maxPresses; i++)
        {
            if (await target.EvaluateAsync<bool>("e => e === document.activeElement"))
            {
                return;
            }
            await page.Keyboard.PressAsync(backwards ? "Shift+Tab" : "Tab");
            trail.Add(await page.EvaluateAsync<string>(Describe));
        }
        if (!await target.EvaluateAsync<bool>("e => e === document.activeElement"))
        {
            throw new Xunit.Sdk.XunitException(
                $"{maxPresses} presses of {(backwards ? "Shift+Tab" : "Tab")} never reached {target}; focus went:\n  " + string.Join("\n  ", trail));
        }
    }

    /// <summary>Where the focus is, as tag.class[name] "label", for failure messages.</summary>
    public const string Describe = """
        () => {
          const e = document.activeElement;
          if (!e) return "(nothing)";
          const label = (e.getAttribute("aria-label") || e.value || e.textContent || "").trim().slice(0, 30);
          return e.tagName.toLowerCase() + (e.className ? "." + String(e.className).trim().replace(/\s+/g, ".") : "")
            + (e.name ? "[" + e.name + "]" : "") + (label ? ' "' + label + '"' : "");
        }
        """;
}
