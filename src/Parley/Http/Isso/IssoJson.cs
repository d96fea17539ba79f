using System.Text.Json;
using Parley.Core.Comments;
using Parley.Core.Config;
using Parley.Core.Markup;
using Parley.Core.Security;

namespace Parley.Http.Isso;

/// <summary>
/// The Isso comment object (spec/api.md §3), the one wire contract that differs from the stored row:
/// only Isso's public keys, in Isso's order; e-mail, address, voters and thread id never leave.
/// </summary>
internal sealed class IssoJson(ParleyConfig config, CommentRenderer renderer, AuthorHash authorHash)
{
    public string Render(string text) => renderer.Render(text);

    /// <summary>Writes the public keys of <paramref name="c"/>; the caller closes the object.</summary>
    public void WriteFields(Utf8JsonWriter w, Comment c, bool rendered, bool withHash)
    {
        w.WriteNumber("id", c.Id);
        w.WriteNullable("parent", c.Parent);
        w.WriteNumber("created", c.Created);
        w.WriteNullable("modified", c.Modified);
        w.WriteNumber("mode", c.Mode);
        w.WriteString("text", rendered ? renderer.Render(c.Text) : c.Text);
        w.WriteString("author", c.Author);
        w.WriteString("website", c.Website);
        w.WriteNumber("likes", c.Likes);
        w.WriteNumber("dislikes", c.Dislikes);
        w.WriteNullable("notification", c.Notification);
        if (withHash)
        {
            w.WriteString("hash", authorHash.Of(c.Email, c.RemoteAddr));
            if (config.General.Gravatar)
            {
                w.WriteString("gravatar_image", Gravatar.Url(config.General.GravatarUrl, c.Email, c.Author));
            }
        }
    }

    public void WriteComment(Utf8JsonWriter w, Comment c, bool rendered, bool withHash)
    {
        w.WriteStartObject();
        WriteFields(w, c, rendered, withHash);
        w.WriteEndObject();
    }

    /// <summary>The client settings object of <c>GET /config</c>, also embedded in every fetch.</summary>
    public void WriteClientConfig(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteBoolean("reply-to-self", config.Guard.ReplyToSelf);
        w.WriteBoolean("require-email", config.Guard.RequireEmail);
        w.WriteBoolean("require-author", config.Guard.RequireAuthor);
        w.WriteBoolean("website-field", config.Guard.WebsiteField);
        w.WriteBoolean("reply-notifications", config.General.ReplyNotifications);
        w.WriteBoolean("gravatar", config.General.Gravatar);
        if (config.General.Gravatar)
        {
            w.WriteBoolean("avatar", false);
        }
        w.WriteBoolean("feed", config.Rss.Base.Length > 0);
        // Parley: what its client must add to a comment; written only when on, so Isso's settings read as Isso's.
        // Isso's thread proposal; likewise written only when on.
        if (config.General.ThreadNotifications)
        {
            w.WriteBoolean("thread-notifications", true);
        }
        if (config.Spam.ProofOfWork)
        {
            w.WriteBoolean("proof-of-work", true);
        }
        if (config.Spam.Honeypot)
        {
            w.WriteBoolean("honeypot", true);
        }
        w.WriteEndObject();
    }
}
