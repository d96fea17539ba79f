using Parley.Api.Tests.Support;

namespace Parley.Api.Tests.Events;

/// <summary>
/// <c>notify = stdout</c> (spec/notifications.md §1): one log line per change, made from the event log, with the links a
/// moderator without mail needs; a deletion names the thread it left even when that thread went with it.
/// </summary>
public sealed class LogLineTests
{
    [Fact]
    public async Task EachChangeLogsItsLineWithLinksAndTheThreadOfADeletion()
    {
        await using var app = await TestApp.StartFromFileAsync(db =>
            $"[general]\ndbpath = {db}\nhost = https://example.tld\nnotify = stdout\n[guard]\nenabled = false\n[moderation]\nenabled = true\n");
        var created = await app.CommentAsync("/post/", "Hello there");
        var endpoint = app.BaseAddress.ToString().TrimEnd('/');

        var line = await app.Logs.WaitForAsync($"New comment {created.Id} awaiting moderation: https://example.tld/post/#isso-{created.Id}");
        var key = app.Tokens().ModerationKey(created.Id);
        Assert.Contains($"activate: {endpoint}/id/{created.Id}/activate/", line, StringComparison.Ordinal);
        Assert.Contains($"delete: {endpoint}/id/{created.Id}/delete/", line, StringComparison.Ordinal);

        using (var activated = await app.PostAsync($"/id/{created.Id}/activate/{key}", ""))
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, activated.StatusCode);
        }
        await app.Logs.WaitForAsync($"Comment {created.Id} activated: https://example.tld/post/#isso-{created.Id}");

        using (var deleted = await app.PostAsync($"/id/{created.Id}/delete/{key}", ""))
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, deleted.StatusCode);
        }
        // The thread went with its last comment; the line still names it.
        await app.Logs.WaitForAsync($"Comment {created.Id} deleted from /post/");
        Assert.Equal(1, app.Logs.Lines.Count(l => l.Contains($"Comment {created.Id} deleted", StringComparison.Ordinal)));
    }
}
