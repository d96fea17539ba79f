using System.Collections.Concurrent;
using Parley.Core.Comments;
using Parley.Core.Storage;

namespace Parley.Storage;

/// <summary>
/// Comments already read, each with the version it was read at (<c>parley_row_versions</c>, bumped by triggers on
/// every update and delete of a row). A list of a busy thread then builds only the rows that changed since and hands
/// out the same <see cref="Comment"/> instances for the rest, so whoever writes answers can keep what it made of them.
/// </summary>
/// <remarks>
/// A row inserted under the id of a deleted one carries the version the deletion gave that id, which differs from the
/// version the deleted row was read at. Every pair kept was read together in one snapshot, so a pair is never wrong;
/// an older reader overwriting a newer pair costs a rebuild, nothing more.
/// </remarks>
internal sealed class KnownRows
{
    // About 20 MB with what answer writers keep per comment; a site reading more threads than that rebuilds some.
    private const int Capacity = 20_000;

    private readonly ConcurrentDictionary<long, (long Version, Comment Row)> _rows = new();

    public Comment? Find(long id, long version) =>
        _rows.TryGetValue(id, out var known) && known.Version == version ? known.Row : null;

    public void Keep(long version, Comment row)
    {
        if (_rows.Count >= Capacity)
        {
            _rows.Clear();
        }
        _rows[row.Id] = (version, row);
    }

    /// <summary>
    /// The comments of <paramref name="listed"/>, in their order: known instances where the version matches, the rest
    /// read in full by <paramref name="readMissing"/> (which yields each row it found with its version; rows gone since
    /// their ids were listed are left out). After a write to a busy thread, its rebuilt page reads one or two rows in full.
    /// </summary>
    public async Task<IReadOnlyList<Comment>> ReadAsync(IReadOnlyList<ListedComment> listed,
        Func<IReadOnlyCollection<long>, IAsyncEnumerable<(long Version, Comment Row)>> readMissing)
    {
        var rows = new Comment[listed.Count];
        var missing = new Dictionary<long, int>();
        for (var i = 0; i < listed.Count; i++)
        {
            if (Find(listed[i].Id, listed[i].Version) is { } known)
            {
                rows[i] = known;
            }
            else
            {
                missing[listed[i].Id] = i;
            }
        }
        if (missing.Count == 0)
        {
            return rows;
        }
        await foreach (var (version, row) in readMissing(missing.Keys))
        {
            Keep(version, row);
            rows[missing[row.Id]] = row;
            missing.Remove(row.Id);
        }
        return missing.Count == 0 ? rows : [.. rows.Where(row => row is not null)];
    }

    /// <summary>Drops everything: the file was replaced, and its versions mean something else.</summary>
    public void Forget() => _rows.Clear();
}
