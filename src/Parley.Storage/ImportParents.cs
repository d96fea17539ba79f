using Parley.Core.Import;

namespace Parley.Storage;

/// <summary>How every engine links an imported thread's replies (see <c>ICommentStore.ImportAsync</c>).</summary>
internal static class ImportParents
{
    /// <summary>Each comment's parent: the new id of the first comment of the thread with its parent key, or none.</summary>
    public static long?[] Resolve(IReadOnlyList<ImportedComment> comments, IReadOnlyList<long> ids)
    {
        var byKey = new Dictionary<string, long>(StringComparer.Ordinal);
        for (var i = 0; i < ids.Count; i++)
        {
            byKey.TryAdd(comments[i].Key, ids[i]);
        }
        return [.. comments.Select(c => c.ParentKey is { } key && byKey.TryGetValue(key, out var parent) ? parent : (long?)null)];
    }
}
