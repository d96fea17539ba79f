using System.Text;
using Parley.Core.Security;

namespace Parley.Core.Events.Webhooks;

/// <summary>
/// The request body of a webhook (spec/events.md §1): Isso's bytes for a new comment, the keys in Isso's order, compact,
/// as Python's <c>json.dumps</c> writes them. Other event types use the same shape with their own <c>event</c>, and
/// say what only they carry after Isso's keys. Never an e-mail address, a reader's address or voters.
/// </summary>
public static class WebhookBody
{
    public static byte[] Of(ChangeEvent change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var thread = change.Thread;
        var json = new StringBuilder(256)
            .Append("{\"event\":").Append(PyJson.AsciiStr(change.Type))
            .Append(",\"thread\":{\"id\":").Append(PyJson.Number(thread.Id))
            .Append(",\"uri\":").Append(PyJson.AsciiStr(thread.Uri))
            .Append(",\"title\":").Append(Nullable(thread.Title))
            .Append("},\"comment\":");
        if (change.Comment is { } c)
        {
            json.Append("{\"id\":").Append(PyJson.Number(c.Id))
                .Append(",\"parent\":").Append(c.Parent is { } parent ? PyJson.Number(parent) : "null")
                .Append(",\"created\":").Append(PyJson.Repr(c.Created))
                .Append(",\"modified\":").Append(c.Modified is { } modified ? PyJson.Repr(modified) : "null")
                .Append(",\"mode\":").Append(PyJson.Number(c.Mode))
                .Append(",\"text\":").Append(PyJson.AsciiStr(c.Text))
                .Append(",\"author\":").Append(Nullable(c.Author))
                .Append(",\"website\":").Append(Nullable(c.Website))
                .Append('}');
        }
        else
        {
            json.Append("null");
        }
        if (change.Type == EventTypes.CommentDeleted)
        {
            json.Append(",\"placeholder\":").Append(change.Placeholder ? "true" : "false");
        }
        if (change.Upvote is { } upvote)
        {
            json.Append(",\"upvote\":").Append(upvote ? "true" : "false");
        }
        return Encoding.UTF8.GetBytes(json.Append('}').ToString());
    }

    private static string Nullable(string? value) => value is null ? "null" : PyJson.AsciiStr(value);
}
