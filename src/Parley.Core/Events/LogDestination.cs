using Microsoft.Extensions.Logging;
using Parley.Core.Comments;
using Parley.Core.Security;

namespace Parley.Core.Events;

/// <summary>
/// The <c>stdout</c> notification backend (spec/notifications.md §1): log lines with the moderation links,
/// which is how a moderator without SMTP finds them.
/// </summary>
public sealed class LogDestination(CommentTokens tokens, ILogger<LogDestination> log) : IEventDestination
{
    public Task HandleAsync(CommentEvent comment, CancellationToken ct)
    {
        var c = comment.Comment;
        var link = $"{comment.Site.Origin}{comment.Thread.Uri}#isso-{c.Id}";
        switch (comment.Kind)
        {
            case CommentEventKind.Created:
                var key = tokens.ModerationKey(c.Id);
                var delete = $"{comment.Site.Endpoint}/id/{c.Id}/delete/{key}";
                if (c.Mode == CommentMode.Pending)
                {
                    log.LogInformation("New comment {Id} awaiting moderation: {Link}; activate: {Activate}; delete: {Delete}",
                        c.Id, link, $"{comment.Site.Endpoint}/id/{c.Id}/activate/{key}", delete);
                }
                else
                {
                    log.LogInformation("New comment {Id}: {Link}; delete: {Delete}", c.Id, link, delete);
                }
                break;
            case CommentEventKind.Activated:
                log.LogInformation("Comment {Id} activated: {Link}", c.Id, link);
                break;
            case CommentEventKind.Edited:
                log.LogInformation("Comment {Id} edited: {Link}", c.Id, link);
                break;
            case CommentEventKind.Deleted:
                log.LogInformation("Comment {Id} deleted from {Uri}", c.Id, comment.Thread.Uri);
                break;
        }
        return Task.CompletedTask;
    }
}
