namespace Parley.Core.Comments;

/// <summary>One row of Isso's <c>threads</c> table.</summary>
public sealed record CommentThread(long Id, string Uri, string? Title);
