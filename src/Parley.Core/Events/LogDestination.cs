using Microsoft.Extensions.Logging;
using Parley.Core.Comments;
using Parley.Core.Config;
using Parley.Core.Security;

namespace Parley.Core.Events;

/// <summary>
/// The <c>stdout</c> notification backend (spec/notifications.md §1): log lines with the moderation links,
/// which is how a moderator without SMTP finds them. Silent while <c>[general] notify</c> does not name stdout.
/// </summary>
public sealed class LogDestination(LiveConfig config, CommentTokens tokens, ILogger<LogDestination> log) : IEventDestination
{
    public Task HandleAsync(CommentEvent comment, CancellationToken ct)
    {
        if (!config.Current.General.Notify.Contains("stdout"))
        {
            return Task.CompletedTask;
        }
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
