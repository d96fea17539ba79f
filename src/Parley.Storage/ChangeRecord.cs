using Parley.Core.Storage;

namespace Parley.Storage;

/// <summary>
/// How every engine answers <see cref="ICommentStore.ThreadChangesAsync"/> from its change record: the rows changed after
/// the given number, then one row (thread -1) holding the record's last number.
/// </summary>
internal static class ChangeRecord
{
    /// <summary>
    /// Reads rows of (thread, number) as the engine's query returned them. A record whose last number went backwards was
    /// replaced (the database restored or swapped): nothing read before still holds, and <paramref name="knownRows"/> forgets.
    /// </summary>
    public static ThreadChanges Read(IReadOnlyList<(long Tid, long Seq)> rows, long after, KnownRows knownRows)
    {
        var last = rows[^1].Seq;
        var threads = rows.Take(rows.Count - 1).Select(r => r.Tid).ToList();
        if (last < after)
        {
            knownRows.Forget();
        }
        return new ThreadChanges(last, threads, Everything: last < after);
    }
}
