using Parley.Core.Comments;

namespace Parley.Core.Events;

/// <summary>What happened to a comment; destinations decide what to tell whom.</summary>
public enum CommentEventKind
{
    Created,
    Activated,
    Edited,
    Deleted,
}

/// <summary>
/// One change to one comment, as stored after the change (for <see cref="CommentEventKind.Deleted"/> the
/// comment as it was). <see cref="ConfirmSubscription"/> is set when the author asked for reply mails
/// and must confirm the address first (double opt-in).
/// </summary>
public sealed record CommentEvent(CommentEventKind Kind, Comment Comment, CommentThread Thread, SiteAddress Site)
{
    public bool ConfirmSubscription { get; init; }
}
