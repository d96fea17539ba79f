using Parley.Core.Comments;
using Parley.Core.Email;
using Parley.Core.Events;
using Parley.Core.Spam;
using Parley.Core.Import;

namespace Parley.Core.Storage;

/// <summary>
/// The storage seam: everything Parley keeps, behind one interface with one engine per database
/// (SQLite speaking Isso's schema, PostgreSQL for scale-out). Write rules live in CommentService, which makes
/// every change inside one <see cref="WriteAsync{T}"/>; the store only keeps what it is told, except for the
/// delete cascade, which is part of the data model (Isso's trigger and placeholder cleanup).
/// </summary>
public interface ICommentStore : IDisposable
{
    /// <summary>The signing secret: preference <c>session-key</c>, created when the database is.</summary>
    string SessionKey { get; }

    /// <summary>
    /// A number that changes whenever any connection or process commits a change to the database; while it
    /// stays the same, every read answers the same. Read caches ask <see cref="ThreadChangesAsync"/> only when it moved.
    /// </summary>
    ValueTask<long> ChangeVersionAsync(CancellationToken ct = default);

    /// <summary>
    /// Runs <paramref name="reads"/> so that every read it makes through this store sees the database at one
    /// moment: what any connection or process commits meanwhile is not seen, so counts and lists read together
    /// agree. The reads run one at a time and make no writes.
    /// </summary>
    Task<T> ReadSnapshotAsync<T>(Func<Task<T>> reads, CancellationToken ct = default);

    /// <summary>
    /// Runs <paramref name="write"/> as one transaction: its reads and writes through the scope, and the event rows it
    /// records, commit together or not at all; when it throws, nothing it wrote stays and the exception comes back.
    /// Correctness rests on the transaction alone (another process may share the database). The engine may commit
    /// several waiting writes in one transaction (group commit); each still runs on its own and fails on its own.
    /// The scope must not be used after <paramref name="write"/> returns, and <paramref name="write"/> must not wait
    /// for anything but the scope (no network): other writes wait for it.
    /// </summary>
    Task<T> WriteAsync<T>(Func<IWriteScope, Task<T>> write, CancellationToken ct = default);

    /// <summary>The durable event log: the outbox every destination delivers from.</summary>
    IEventLog Events { get; }

    /// <summary>Each destination's lease, retry state and last deliveries.</summary>
    IDestinationLog Destinations { get; }

    /// <summary>Finished mails waiting for the mail server.</summary>
    IMailOutbox Outbox { get; }

    /// <summary>
    /// Threads whose comments changed since change <paramref name="after"/> (0: since the database was made), whoever
    /// wrote them (this server, another process, an Isso server on the same file); thread id 0 stands for "a thread
    /// was created". Read caches drop only the answers of those.
    /// </summary>
    Task<ThreadChanges> ThreadChangesAsync(long after, CancellationToken ct = default);

    /// <summary>The thread whose uri equals <paramref name="uri"/> exactly, or null.</summary>
    Task<CommentThread?> GetThreadAsync(string uri, CancellationToken ct = default);

    Task<CommentThread?> GetThreadByIdAsync(long id, CancellationToken ct = default);

    Task<Comment?> GetCommentAsync(long id, CancellationToken ct = default);

    /// <summary>Visible comments (modes 1 and 4) of one thread, ordered and paged as <see cref="CommentQuery"/> says.</summary>
    Task<IReadOnlyList<Comment>> ListAsync(CommentQuery query, CancellationToken ct = default);

    /// <summary>
    /// Every visible comment of thread <paramref name="uri"/>, ordered as lists of <paramref name="sort"/> are, each marked
    /// whether it was created after <paramref name="after"/> (see <see cref="ThreadListing"/>).
    /// </summary>
    Task<ThreadListing> ListThreadAsync(string uri, string sort, string after, CancellationToken ct = default);

    /// <summary>
    /// The comments of <paramref name="listed"/> in full, in the same order. Called in the <see cref="ReadSnapshotAsync"/>
    /// that listed them it finds every one; otherwise comments deleted since are left out.
    /// </summary>
    Task<IReadOnlyList<Comment>> ReadListedAsync(IReadOnlyList<ListedComment> listed, CancellationToken ct = default);

    /// <summary>Visible comments of a thread counted per parent, ignoring any time filter.</summary>
    Task<ReplyCounts> CountRepliesAsync(string uri, CancellationToken ct = default);

    /// <summary>The id of each uri's thread, same order as given; 0 for unknown uris.</summary>
    Task<IReadOnlyList<long>> ThreadIdsAsync(IReadOnlyList<string> uris, CancellationToken ct = default);

    /// <summary>Published comments per thread uri, same order as given; 0 for unknown uris.</summary>
    Task<IReadOnlyList<int>> CountPublishedAsync(IReadOnlyList<string> uris, CancellationToken ct = default);

    /// <summary>
    /// Published comments of all threads in Isso's mixed order (top-level oldest first, then replies
    /// oldest first); the last <paramref name="limit"/> of that sequence, in that order.
    /// </summary>
    Task<IReadOnlyList<CommentWithUri>> LatestAsync(int limit, CancellationToken ct = default);

    /// <summary>Visible comments of a thread for its feed: top-level newest id first, then replies oldest first.</summary>
    Task<IReadOnlyList<Comment>> FeedAsync(string uri, int limit, CancellationToken ct = default);

    /// <summary>
    /// The admin panel's listing: one page of comments of any thread matching <paramref name="query"/>, with
    /// their thread, and the number of matching comments on all pages.
    /// </summary>
    Task<AdminListing> AdminListAsync(AdminQuery query, CancellationToken ct = default);

    /// <summary>How many comments each mode holds (all threads); modes without comments are left out.</summary>
    Task<IReadOnlyDictionary<int, int>> CountByModeAsync(CancellationToken ct = default);

    /// <summary>Every ban, newest first.</summary>
    Task<IReadOnlyList<Ban>> BansAsync(CancellationToken ct = default);

    /// <summary>Why those of <paramref name="ids"/> that a spam rule held wait for moderation, by id.</summary>
    Task<IReadOnlyDictionary<long, string>> HoldReasonsAsync(IReadOnlyCollection<long> ids, CancellationToken ct = default);

    /// <summary>
    /// Reply-mail candidates for a reply to <paramref name="parent"/> (spec/notifications.md §5): the parent
    /// itself, then its published replies, oldest first.
    /// </summary>
    Task<IReadOnlyList<Comment>> ConversationAsync(long parent, CancellationToken ct = default);

    /// <summary>
    /// Thread-mail candidates of thread <paramref name="tid"/>: its published comments whose author asked for every
    /// new comment (<c>notification = 2</c>), oldest first.
    /// </summary>
    Task<IReadOnlyList<Comment>> ThreadSubscribersAsync(long tid, CancellationToken ct = default);

    /// <summary>
    /// Opens an admin session <paramref name="id"/> (a digest of the cookie's secret, never the secret) until
    /// <paramref name="expires"/>, dropping sessions expired at <paramref name="now"/>. False, and nothing opened, when
    /// the admin password recorded by <see cref="RecordAdminPasswordAsync"/> is not <paramref name="passwordFingerprint"/>:
    /// another process (<c>config set-admin-password</c>) changed the password this server still holds.
    /// </summary>
    Task<bool> OpenAdminSessionAsync(string id, string? passwordFingerprint, double expires, double now, CancellationToken ct = default);

    /// <summary>Whether <paramref name="passwordFingerprint"/> is the admin password the database last recorded.</summary>
    Task<bool> IsAdminPasswordCurrentAsync(string? passwordFingerprint, CancellationToken ct = default);

    /// <summary>Whether admin session <paramref name="id"/> is open at <paramref name="now"/>: opened, not ended, not expired.</summary>
    Task<bool> IsAdminSessionOpenAsync(string id, double now, CancellationToken ct = default);

    /// <summary>Ends admin session <paramref name="id"/> (sign-out); nothing happens for an unknown one.</summary>
    Task EndAdminSessionAsync(string id, CancellationToken ct = default);

    /// <summary>
    /// Records the fingerprint of the admin password in use (see <c>AdminPassword.Fingerprint</c>; null for none).
    /// When it differs from the one recorded before, every admin session ends and true is returned.
    /// </summary>
    Task<bool> RecordAdminPasswordAsync(string? fingerprint, CancellationToken ct = default);

    /// <summary>
    /// Stores an import in ONE transaction: all of it or, on any failure, nothing. A thread whose uri exists is
    /// reused (its title kept), otherwise created. Comments are inserted in the given order with every field as
    /// given (no escaping, no rules); each <see cref="ImportedComment.ParentKey"/> becomes the new id of the comment
    /// with that key in the same thread (NULL when there is none); a null <see cref="ImportedComment.Voters"/>
    /// becomes the filter holding only the comment's address. <paramref name="progress"/> hears the number of
    /// comments inserted so far, synchronously.
    /// </summary>
    Task<ImportCounts> ImportAsync(IReadOnlyList<ImportedThread> threads, IProgress<int>? progress = null, CancellationToken ct = default);

    /// <summary>Every thread (by id) with every one of its comments, any mode, every column, ordered by id.</summary>
    Task<IReadOnlyList<ExportedThread>> ExportAsync(CancellationToken ct = default);

}
