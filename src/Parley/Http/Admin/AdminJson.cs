using System.Text.Json;
using Parley.Core.Markup;
using Parley.Core.Security;
using Parley.Core.Storage;
using Parley.Http.Isso;

namespace Parley.Http.Admin;

/// <summary>
/// The admin API's comment object: the whole stored row a moderator may see (e-mail included, never the
/// address or voters), its thread, the rendered HTML and the signed key of the Isso moderation links.
/// </summary>
internal sealed class AdminJson(CommentRenderer renderer, CommentTokens tokens)
{
    /// <summary>The comment; <paramref name="held"/> is why a spam rule holds it (written as <c>held</c> when there is a reason).</summary>
    public void WriteComment(Utf8JsonWriter w, AdminRow row, string? held = null)
    {
        var c = row.Comment;
        w.WriteStartObject();
        w.WriteNumber("id", c.Id);
        w.WriteNumber("tid", c.Tid);
        w.WriteString("uri", row.Uri);
        w.WriteString("title", row.Title);
        w.WriteNullable("parent", c.Parent);
        w.WriteNumber("mode", c.Mode);
        w.WriteNumber("created", c.Created);
        w.WriteNullable("modified", c.Modified);
        w.WriteString("author", c.Author);
        w.WriteString("email", c.Email);
        w.WriteString("website", c.Website);
        w.WriteString("text", c.Text);
        w.WriteString("html", renderer.Render(c.Text));
        w.WriteNumber("likes", c.Likes);
        w.WriteNumber("dislikes", c.Dislikes);
        w.WriteNullable("notification", c.Notification);
        w.WriteString("key", tokens.ModerationKey(c.Id));
        if (held is not null)
        {
            w.WriteString("held", held);
        }
        w.WriteEndObject();
    }

    /// <summary><c>{"message": …}</c> with this status: every refusal of the admin API has this shape.</summary>
    public static JsonResponse Message(int status, string message) => new(status, w =>
    {
        w.WriteStartObject();
        w.WriteString("message", message);
        w.WriteEndObject();
    });

    public static void WriteIds(Utf8JsonWriter w, string name, IEnumerable<long> ids)
    {
        w.WriteStartArray(name);
        foreach (var id in ids)
        {
            w.WriteNumberValue(id);
        }
        w.WriteEndArray();
    }
}
