namespace Parley.Core.Storage;

/// <summary>
/// What <see cref="ICommentStore.ListThreadAsync"/> returns: every visible comment (modes 1 and 4) of one thread,
/// the top-level ones in the order of a top-level list of that sort, the replies grouped by parent, each group in the
/// order of a reply list (as <see cref="CommentQuery"/> orders them). Nothing is left out for the time filter: each
/// comment says whether it was created after the time asked for, so one read gives a fetch both its pages and its
/// counts, and only the comments a page shows are then read in full (<see cref="ICommentStore.ReadListedAsync"/>).
/// <see cref="Thread"/> is the thread's id, 0 when the uri has none.
/// </summary>
public sealed record ThreadListing(long Thread, IReadOnlyList<ListedComment> TopLevel, IReadOnlyList<ListedComment> Replies)
{
    public static readonly ThreadListing Empty = new(0, [], []);
}

/// <summary>
/// A visible comment of a listing: its id and parent, whether it was created strictly after the time filter (see
/// <see cref="CommentQuery.After"/>), and its row version, a number that changes whenever the row does.
/// </summary>
public readonly record struct ListedComment(long Id, long? Parent, bool After, long Version);
