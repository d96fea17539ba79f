namespace Parley.Core.Comments;

/// <summary>The values of <c>comments.mode</c>.</summary>
public static class CommentMode
{
    public const int Published = 1;
    public const int Pending = 2;
    /// <summary>Deleted, but kept as a placeholder because replies still name it as parent.</summary>
    public const int Deleted = 4;

    /// <summary>Isso's read filter <c>(5 | mode) = 5</c>: published and placeholders.</summary>
    public static bool IsVisible(int mode) => (5 | mode) == 5;
}
