using System.Text.Json;

namespace Parley.Browser.Tests.Support;

/// <summary>Chromium's own accessibility tree (over CDP) for the controls inside an element.</summary>
public static class AccessibleNames
{
    /// <summary>Every non-ignored node with <paramref name="role"/> inside the element matching <paramref name="selector"/>.</summary>
    public static async Task<IReadOnlyList<AxControl>> ControlsAsync(IBrowserContext context, IPage page, string selector, string role)
    {
        var cdp = await context.NewCDPSessionAsync(page);
        try
        {
            await cdp.SendAsync("Accessibility.enable");
            var found = await cdp.SendAsync("Runtime.evaluate", new Dictionary<string, object>
            {
                ["expression"] = $"document.querySelector({JsonSerializer.Serialize(selector)})",
            });
            var objectId = found?.GetProperty("result").TryGetProperty("objectId", out var id) == true
                ? id.GetString()!
                : throw new Xunit.Sdk.XunitException($"no element matches {selector}");
            var answer = await cdp.SendAsync("Accessibility.queryAXTree", new Dictionary<string, object>
            {
                ["objectId"] = objectId,
                ["role"] = role,
            });
            var controls = new List<AxControl>();
            foreach (var node in answer!.Value.GetProperty("nodes").EnumerateArray())
            {
                if (node.TryGetProperty("ignored", out var ignored) && ignored.GetBoolean())
                {
                    continue;
                }
                var name = node.TryGetProperty("name", out var n) && n.TryGetProperty("value", out var v) ? v.GetString() ?? "" : "";
                var domId = node.TryGetProperty("backendDOMNodeId", out var b) ? b.GetInt32() : 0;
                controls.Add(new AxControl(role, name, await DescribeAsync(cdp, domId)));
            }
            return controls;
        }
        finally
        {
            await cdp.DetachAsync();
        }
    }

    // The element's outer HTML, shortened: enough to find an unnamed control in a failure message.
    private static async Task<string> DescribeAsync(ICDPSession cdp, int backendNodeId)
    {
        if (backendNodeId == 0)
        {
            return "(no DOM node)";
        }
        var html = await cdp.SendAsync("DOM.getOuterHTML", new Dictionary<string, object> { ["backendNodeId"] = backendNodeId });
        var text = html?.GetProperty("outerHTML").GetString() ?? "";
        return text.Length > 160 ? text[..160] + "…" : text;
    }
}

/// <summary>A control as assistive technology sees it.</summary>
public sealed record AxControl(string Role, string Name, string Html);
