namespace Parley.Core.Comments;

/// <summary>The values of <c>comments.notification</c>: what mail its author asked for (Isso's thread proposal).</summary>
public static class Subscription
{
    public const long None = 0;
    /// <summary>Replies in this comment's conversation (Isso's checkbox).</summary>
    public const long Replies = 1;
    /// <summary>Every new comment of the thread; replies to this comment included.</summary>
    public const long Thread = 2;
}
