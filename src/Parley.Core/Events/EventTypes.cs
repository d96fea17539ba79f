namespace Parley.Core.Events;

/// <summary>The event types of spec/events.md §4, as they appear on the wire.</summary>
public static class EventTypes
{
    public const string CommentCreated = "comment.created";
    public const string CommentActivated = "comment.activated";
    public const string CommentEdited = "comment.edited";
    public const string CommentDeleted = "comment.deleted";
    public const string CommentVoted = "comment.voted";
    public const string ThreadCreated = "thread.created";

    /// <summary>Every type, in the order a thread meets them.</summary>
    public static readonly IReadOnlyList<string> All =
        [ThreadCreated, CommentCreated, CommentActivated, CommentEdited, CommentDeleted, CommentVoted];
}

/// <summary>Who caused a change (the event's <c>by</c>).</summary>
public static class EventBy
{
    /// <summary>A reader of the site: new comments, votes.</summary>
    public const string Reader = "reader";
    /// <summary>The author of a comment, through the ownership cookie: edits and deletes within the edit window.</summary>
    public const string Owner = "owner";
    /// <summary>The site owner: the admin panel and the signed moderation links.</summary>
    public const string Admin = "admin";
    /// <summary><c>parley import</c>.</summary>
    public const string Import = "import";
    /// <summary>The server itself: pending comments past <c>[moderation] purge-after</c>, demo mode's reset.</summary>
    public const string Purge = "purge";
}
