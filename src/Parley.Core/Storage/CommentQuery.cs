namespace Parley.Core.Storage;

/// <summary>
/// What <see cref="ICommentStore.ListAsync"/> returns: visible comments of <paramref name="Uri"/> with the
/// given parent (null: top-level), created strictly after <paramref name="After"/> (compared the way SQLite
/// compares a text parameter with a REAL column, so non-numeric text matches nothing).
/// Top-level lists are ordered by <paramref name="Sort"/> (<c>oldest</c>, <c>newest</c>, <c>upvotes</c>; ties by id);
/// reply lists are always oldest first. <paramref name="Limit"/> null or negative means no limit;
/// <paramref name="Offset"/> skips that many after ordering.
/// </summary>
public sealed record CommentQuery(
    string Uri,
    long? Parent,
    string Sort = "oldest",
    int? Limit = null,
    int Offset = 0,
    string After = "0");
