using System.Collections.Concurrent;
using Parley.Core.Storage;

namespace Parley.Storage.Sqlite;

/// <summary>
/// Thread listings already read (<see cref="SqliteCommentStore.ListThreadAsync"/>), each labelled with the database's
/// last row version and highest comment id when it was read. Listing the thread again reads only the rows changed since
/// (a version above the label, or an id) and moves each into place, removes it or leaves it out, instead of reading every
/// visible row of the thread again: after a vote or a new comment on a busy thread, its rebuilt answer reads a few rows,
/// not five hundred.
/// </summary>
/// <remarks>
/// Sound because SQLite commits one write at a time, and both numbers are max + 1 inside the write: row versions and new
/// ids grow in commit order, so a snapshot that sees version N or id N sees every one below it. (PostgreSQL draws them from
/// a sequence, whose numbers concurrent transactions commit out of order: its store reads listings whole.) A listing is
/// only kept when every row's sort keys are plain numbers, so comparing them here orders rows as SQLite does.
/// </remarks>
internal sealed class KnownListings
{
    /// <summary>More changed rows than this since a listing was read, and reading it whole is as quick.</summary>
    public const int MostChanges = 256;

    // Rows over all kept listings: a site listing more than this reads some again.
    private const int Capacity = 100_000;

    private readonly ConcurrentDictionary<(string Uri, string Sort, string After), Listing> _kept = new();
    // Keeping is rare next to finding (once per change of a thread): a lock keeps the row count exact.
    private readonly Lock _gate = new();
    private int _rows;

    public Listing? Find(string uri, string sort, string after) => _kept.GetValueOrDefault((uri, sort, after));

    public void Keep(string uri, string sort, string after, Listing listing)
    {
        var key = (uri, sort, after);
        lock (_gate)
        {
            var kept = _kept.GetValueOrDefault(key);
            // An older reader never replaces what a newer one kept.
            if (kept is not null && kept.IsLaterThan(listing.Version, listing.LastId))
            {
                return;
            }
            _rows += listing.Rows - (kept?.Rows ?? 0);
            if (_rows > Capacity)
            {
                _kept.Clear();
                _rows = listing.Rows;
            }
            _kept[key] = listing;
        }
    }

    /// <summary>Drops everything: the file was replaced, and its versions mean something else.</summary>
    public void Forget()
    {
        lock (_gate)
        {
            _kept.Clear();
            _rows = 0;
        }
    }

    /// <summary>
    /// <paramref name="kept"/> with <paramref name="changed"/> (every row changed since it was read, up to
    /// <paramref name="version"/> and <paramref name="lastId"/>) applied, or null when a changed row's sort keys are not
    /// plain numbers.
    /// </summary>
    public static Listing? Apply(Listing kept, IReadOnlyList<ChangedRow> changed, long version, long lastId, string sort)
    {
        var ids = new HashSet<long>(changed.Select(row => row.Row.Id));
        var topLevel = kept.TopLevel.Where(row => !ids.Contains(row.Id)).ToList();
        var replies = kept.Replies.Where(row => !ids.Contains(row.Id)).ToList();
        foreach (var (tid, visible, plain, row) in changed)
        {
            if (tid != kept.Thread || !visible)
            {
                continue;
            }
            if (!plain)
            {
                return null;
            }
            var (list, order) = row.Parent is null ? (topLevel, TopLevelOrder(sort)) : (replies, ReplyOrder(sort));
            var at = list.BinarySearch(row, order);
            list.Insert(at < 0 ? ~at : at, row);
        }
        return new Listing(kept.Thread, version, lastId, [.. topLevel], [.. replies]);
    }

    // The orders of SqliteCommentStore.ListOrder, on the keys the listing queries select.
    private static Comparer<ListedRow> TopLevelOrder(string sort) => sort switch
    {
        "newest" => NewestFirst,
        "upvotes" => BestFirst,
        _ => OldestFirst,
    };

    private static Comparer<ListedRow> ReplyOrder(string sort) => sort == "upvotes" ? RepliesBestFirst : RepliesOldestFirst;

    private static readonly Comparer<ListedRow> OldestFirst = Comparer<ListedRow>.Create((a, b) =>
        a.Created != b.Created ? a.Created.CompareTo(b.Created) : a.Id.CompareTo(b.Id));

    private static readonly Comparer<ListedRow> NewestFirst = Comparer<ListedRow>.Create((a, b) =>
        a.Created != b.Created ? b.Created.CompareTo(a.Created) : a.Id.CompareTo(b.Id));

    private static readonly Comparer<ListedRow> BestFirst = Comparer<ListedRow>.Create((a, b) =>
        a.Score != b.Score ? b.Score.CompareTo(a.Score) : a.Id.CompareTo(b.Id));

    private static readonly Comparer<ListedRow> RepliesOldestFirst = Comparer<ListedRow>.Create((a, b) =>
        a.Parent != b.Parent ? a.Parent!.Value.CompareTo(b.Parent!.Value) : OldestFirst.Compare(a, b));

    private static readonly Comparer<ListedRow> RepliesBestFirst = Comparer<ListedRow>.Create((a, b) =>
        a.Parent != b.Parent ? a.Parent!.Value.CompareTo(b.Parent!.Value)
        : a.Created != b.Created ? a.Created.CompareTo(b.Created)
        : a.Score != b.Score ? b.Score.CompareTo(a.Score)
        : a.Id.CompareTo(b.Id));
}

/// <summary>A visible row of a kept listing, with the keys it is ordered by.</summary>
internal readonly record struct ListedRow(long Id, long Version, long? Parent, bool After, double Created, long Score)
{
    public ListedComment Listed => new(Id, Parent, After, Version);
}

/// <summary>A row changed or inserted since a listing was read: its thread and visibility as they are now (thread 0: the row is gone), and whether its keys are plain numbers.</summary>
internal readonly record struct ChangedRow(long Tid, bool Visible, bool Plain, ListedRow Row);

/// <summary>A thread's listing for one sort and time filter, as of row version <see cref="Version"/> and comment id <see cref="LastId"/>.</summary>
internal sealed class Listing(long thread, long version, long lastId, ListedRow[] topLevel, ListedRow[] replies)
{
    public long Thread { get; } = thread;

    public long Version { get; } = version;

    public long LastId { get; } = lastId;

    public ListedRow[] TopLevel { get; } = topLevel;

    public ListedRow[] Replies { get; } = replies;

    public int Rows => TopLevel.Length + Replies.Length;

    /// <summary>Whether this listing was read after the moment of <paramref name="version"/> and <paramref name="lastId"/>: both only grow.</summary>
    public bool IsLaterThan(long version, long lastId) => Version > version || (Version == version && LastId > lastId);

    /// <summary>What <see cref="SqliteCommentStore.ListThreadAsync"/> returns, made once per listing.</summary>
    public ThreadListing Answer { get; } = new(thread, [.. topLevel.Select(row => row.Listed)], [.. replies.Select(row => row.Listed)]);
}
