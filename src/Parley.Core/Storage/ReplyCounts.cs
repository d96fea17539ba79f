namespace Parley.Core.Storage;

/// <summary>Visible comments of one thread counted per parent: <c>C[p]</c> of the fetch algorithm.</summary>
public sealed record ReplyCounts(int TopLevel, IReadOnlyDictionary<long, int> ByParent)
{
    public static readonly ReplyCounts Empty = new(0, new Dictionary<long, int>());

    /// <summary>All visible comments of the thread, replies included.</summary>
    public int Total => TopLevel + ByParent.Values.Sum();

    /// <summary>C[parent], or null when nothing has that parent.</summary>
    public int? Of(long? parent) =>
        parent is null ? (TopLevel == 0 ? null : TopLevel) : ByParent.TryGetValue(parent.Value, out var n) ? n : null;
}
