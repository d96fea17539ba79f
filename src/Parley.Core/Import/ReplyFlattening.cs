using Parley.Core.Comments;

namespace Parley.Core.Import;

/// <summary>
/// Parent links of one thread made to look as the API leaves them (behaviour.md §6): a reply to a reply hangs
/// under its top-level ancestor, a parent missing from the thread makes a top-level comment, and a cycle of
/// replies is left out (WordPress's importer skips it the same way).
/// </summary>
public static class ReplyFlattening
{
    public static IReadOnlyList<ImportedComment> Flatten(IReadOnlyList<ImportedComment> comments, ICollection<string> skipped)
    {
        var byKey = new Dictionary<string, ImportedComment>(StringComparer.Ordinal);
        foreach (var comment in comments)
        {
            byKey.TryAdd(comment.Key, comment);
        }
        var flat = new List<ImportedComment>(comments.Count);
        foreach (var comment in comments)
        {
            var root = TopLevelAncestor(comment, byKey);
            if (root is null)
            {
                skipped.Add($"comment {comment.Key}: its replies form a cycle");
                continue;
            }
            flat.Add(comment with { ParentKey = ReferenceEquals(root, comment) ? null : root.Key });
        }
        return flat;
    }

    /// <summary>Drops deleted comments (mode 4) that nothing replies to, as Isso's cleanup does after a delete.</summary>
    public static IReadOnlyList<ImportedComment> DropUnrepliedPlaceholders(IReadOnlyList<ImportedComment> flat)
    {
        // Flat threads are one level deep, so one pass settles it.
        var parents = flat.Where(c => c.ParentKey is not null).Select(c => c.ParentKey!).ToHashSet(StringComparer.Ordinal);
        return flat.Where(c => c.Mode != CommentMode.Deleted || parents.Contains(c.Key)).ToList();
    }

    // Null when the chain of parents loops.
    private static ImportedComment? TopLevelAncestor(ImportedComment comment, Dictionary<string, ImportedComment> byKey)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var current = comment;
        while (seen.Add(current.Key))
        {
            if (current.ParentKey is null || !byKey.TryGetValue(current.ParentKey, out var parent))
            {
                return current;
            }
            current = parent;
        }
        return null;
    }
}
