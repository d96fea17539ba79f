using Parley.Core.Comments;

namespace Parley.Core.Storage;

/// <summary>
/// What the admin panel lists (<see cref="ICommentStore.AdminListAsync"/>): comments of one mode (null: all),
/// page <paramref name="Page"/> (zero-based) of <paramref name="PerPage"/>, ordered by <paramref name="OrderBy"/>
/// (<c>id, created, modified, likes, dislikes, tid</c>) with ties by id in the same direction. The filters are
/// case-insensitive substrings matched literally (<c>%</c> and <c>_</c> are not wildcards); null or empty means any.
/// <paramref name="Thread"/> matches the thread's uri or title.
/// </summary>
public sealed record AdminQuery(
    int? Mode = CommentMode.Pending,
    int Page = 0,
    int PerPage = 50,
    string OrderBy = "created",
    bool Ascending = false,
    string? Text = null,
    string? Author = null,
    string? Email = null,
    string? Thread = null)
{
    public static readonly IReadOnlyList<string> Orders = ["id", "created", "modified", "likes", "dislikes", "tid"];
}

/// <summary>One comment of the admin listing with its thread's uri and title.</summary>
public sealed record AdminRow(Comment Comment, string Uri, string? Title);

/// <summary>One page of the admin listing and how many comments match in all.</summary>
public sealed record AdminListing(IReadOnlyList<AdminRow> Rows, int Total);
