using System.Diagnostics;
using System.Text.Json;
using Parley.Api.Tests.Support;
using Parley.Core.Comments;

namespace Parley.Api.Tests;

public sealed class DemoModeTests
{
    private static async Task<JsonElement> ThreadAsync(TestApp app, string uri)
    {
        using var response = await app.GetAsync("/?uri=" + Uri.EscapeDataString(uri));
        return response.StatusCode == System.Net.HttpStatusCode.NotFound
            ? default
            : JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private static async Task<int> TotalAsync(TestApp app, string uri) =>
        await ThreadAsync(app, uri) is { ValueKind: JsonValueKind.Object } thread ? thread.GetProperty("total_replies").GetInt32() : 0;

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        var watch = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), "timed out");
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task DemoThreadIsSeededAtStartWithItsReplies()
    {
        await using var app = await TestApp.StartAsync(c => c with { Demo = new() { Enabled = true } });
        await WaitForAsync(async () => await TotalAsync(app, DemoThread.Uri) > 0);
        var thread = await ThreadAsync(app, DemoThread.Uri);
        var top = thread.GetProperty("replies").EnumerateArray().ToList();
        Assert.Equal(DemoThread.Comments.Count(c => c.ReplyTo is null), top.Count);
        Assert.Equal("Ada", top[0].GetProperty("author").GetString());
        Assert.Equal(2, top[0].GetProperty("replies").GetArrayLength());
        Assert.Equal(DemoThread.Comments.Count, top.Sum(c => 1 + c.GetProperty("replies").GetArrayLength()));
    }

    [Fact]
    public async Task EveryResetWipesWhatVisitorsWroteAndRestoresTheDemoThread()
    {
        await using var app = await TestApp.StartAsync(c => c with
        {
            Demo = new() { Enabled = true, ResetEvery = 2 },
            Guard = c.Guard with { Enabled = false },
        });
        await WaitForAsync(async () => await TotalAsync(app, DemoThread.Uri) == DemoThread.Comments.Count);
        var key = app.Store.SessionKey;
        await app.CommentAsync(DemoThread.Uri, "Vandalism in the demo thread");
        await app.CommentAsync("/elsewhere", "Vandalism elsewhere");
        Assert.Equal(DemoThread.Comments.Count + 1, await TotalAsync(app, DemoThread.Uri));

        await WaitForAsync(async () => await TotalAsync(app, "/elsewhere") == 0
            && await TotalAsync(app, DemoThread.Uri) == DemoThread.Comments.Count);
        Assert.Equal(key, app.Store.SessionKey);
    }
}
