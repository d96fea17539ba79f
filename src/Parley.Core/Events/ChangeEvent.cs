using Parley.Core.Comments;

namespace Parley.Core.Events;

/// <summary>
/// One change as the log keeps it (spec/events.md §4), written in the transaction of the change itself.
/// <see cref="Comment"/> is the comment as the change left it (for a deletion: as it was), null for
/// <c>thread.created</c>; only its public fields are kept. <see cref="Site"/> and <see cref="SubscriptionToConfirm"/>
/// are what the mail needs from the request and never leave the server.
/// </summary>
public sealed record ChangeEvent(string Type, string By, double Created, CommentThread Thread, Comment? Comment)
{
    /// <summary>Assigned by the log: the order of commits, starting at 1.</summary>
    public long Seq { get; init; }

    /// <summary><c>comment.deleted</c>: a mode-4 placeholder stays because replies exist.</summary>
    public bool Placeholder { get; init; }

    /// <summary><c>comment.voted</c>: a like (true) or a dislike.</summary>
    public bool? Upvote { get; init; }

    public SiteAddress? Site { get; init; }

    /// <summary>Double opt-in: the <see cref="Subscription"/> level the comment's author is asked to confirm, or none.</summary>
    public long SubscriptionToConfirm { get; init; }

    /// <summary>The public id: ordered like <see cref="Seq"/>, stable, unique (see <see cref="EventId"/>).</summary>
    public string Id => EventId.Format(Seq, Created);
}
