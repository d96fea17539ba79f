using Microsoft.Extensions.Logging;
using Parley.Core.Comments;
using Parley.Core.Config;
using Parley.Core.Security;

namespace Parley.Core.Events;

/// <summary>
/// The <c>stdout</c> notification backend (spec/notifications.md §1): log lines with the moderation links,
/// which is how a moderator without SMTP finds them. Silent while <c>[general] notify</c> does not name stdout,
/// and for imports (Isso logs none either).
/// </summary>
public sealed class LogDestination(LiveConfig config, CommentTokens tokens, ILogger<LogDestination> log) : IEventDestination
{
    public string Name => "log";

    public Task<string?> DeliverAsync(ChangeEvent change, CancellationToken ct)
    {
        if (!config.Current.General.Notify.Contains("stdout") || change.By == EventBy.Import || change.Comment is not { } c)
        {
            return Task.FromResult<string?>(null);
        }
        var uri = change.Thread.Uri;
        var link = change.Site is { } at ? $"{at.Origin}{uri}#isso-{c.Id}" : $"{uri}#isso-{c.Id}";
        switch (change.Type)
        {
            case EventTypes.CommentCreated when change.Site is { } site:
                var key = tokens.ModerationKey(c.Id);
                var delete = $"{site.Endpoint}/id/{c.Id}/delete/{key}";
                if (c.Mode == CommentMode.Pending)
                {
                    log.LogInformation("New comment {Id} awaiting moderation: {Link}; activate: {Activate}; delete: {Delete}",
                        c.Id, link, $"{site.Endpoint}/id/{c.Id}/activate/{key}", delete);
                }
                else
                {
                    log.LogInformation("New comment {Id}: {Link}; delete: {Delete}", c.Id, link, delete);
                }
                break;
            case EventTypes.CommentActivated:
                log.LogInformation("Comment {Id} activated: {Link}", c.Id, link);
                break;
            case EventTypes.CommentEdited:
                log.LogInformation("Comment {Id} edited: {Link}", c.Id, link);
                break;
            case EventTypes.CommentDeleted:
                log.LogInformation("Comment {Id} deleted from {Uri}", c.Id, uri);
                break;
        }
        return Task.FromResult<string?>("logged");
    }
}
