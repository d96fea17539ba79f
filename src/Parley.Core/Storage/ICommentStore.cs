using Parley.Core.Comments;
using Parley.Core.Email;
using Parley.Core.Import;

namespace Parley.Core.Storage;

/// <summary>
/// The storage seam: everything Parley keeps, behind one interface with one engine per database
/// (SQLite speaking Isso's schema, PostgreSQL for scale-out). Write rules live in CommentService;
/// the store only keeps what it is told, except for the cascade of <see cref="DeleteCommentAsync"/>
/// which is part of the data model (Isso's trigger and placeholder cleanup).
/// </summary>
public interface ICommentStore : IDisposable
{
    /// <summary>The signing secret: preference <c>session-key</c>, created when the database is.</summary>
    string SessionKey { get; }

    /// <summary>
    /// A number that changes whenever any connection or process commits a change to the database; while it
    /// stays the same, every read answers the same. Read caches are keyed on it.
    /// </summary>
    ValueTask<long> ChangeVersionAsync(CancellationToken ct = default);

    /// <summary>
    /// Runs <paramref name="reads"/> so that every read it makes through this store sees the database at one
    /// moment: what any connection or process commits meanwhile is not seen, so counts and lists read together
    /// agree. The reads run one at a time and make no writes.
    /// </summary>
    Task<T> ReadSnapshotAsync<T>(Func<Task<T>> reads, CancellationToken ct = default);

    /// <summary>The thread whose uri equals <paramref name="uri"/> exactly, or null.</summary>
    Task<CommentThread?> GetThreadAsync(string uri, CancellationToken ct = default);

    Task<CommentThread?> GetThreadByIdAsync(long id, CancellationToken ct = default);

    /// <summary>Creates the thread, or returns the existing one with that uri.</summary>
    Task<CommentThread> CreateThreadAsync(string uri, string? title, CancellationToken ct = default);

    Task<Comment?> GetCommentAsync(long id, CancellationToken ct = default);

    /// <summary>Inserts <paramref name="comment"/> (its <c>Id</c> is ignored) and returns the stored row.</summary>
    Task<Comment> InsertCommentAsync(Comment comment, CancellationToken ct = default);

    /// <summary>Writes mode, text, author, email, website, modified and notification of the comment with that id.</summary>
    Task UpdateCommentAsync(Comment comment, CancellationToken ct = default);

    /// <summary>
    /// Deletes as Isso does: a comment that something replies to becomes a mode-4 placeholder
    /// (text '', author and website NULL) and is returned; otherwise the row goes and null is returned.
    /// Then unreferenced placeholders are removed until none is left, and threads without comments go.
    /// </summary>
    Task<Comment?> DeleteCommentAsync(long id, CancellationToken ct = default);

    /// <summary>Removes every comment and thread (demo mode's reset); preferences such as the session key stay.</summary>
    Task DeleteEverythingAsync(CancellationToken ct = default);

    /// <summary>Sets a pending comment to published; false when it was not pending.</summary>
    Task<bool> ActivateAsync(long id, CancellationToken ct = default);

    /// <summary>Adds one like or dislike and stores the voters filter that now holds the voter.</summary>
    Task RecordVoteAsync(long id, bool upvote, byte[] voters, CancellationToken ct = default);

    /// <summary>Clears <c>notification</c> on comment <paramref name="id"/> and its replies written with <paramref name="email"/>.</summary>
    Task<int> UnsubscribeAsync(string email, long id, CancellationToken ct = default);

    /// <summary>Deletes pending comments created before <paramref name="createdBefore"/>, then orphaned placeholders.</summary>
    Task<int> PurgePendingAsync(double createdBefore, CancellationToken ct = default);

    /// <summary>Visible comments (modes 1 and 4) of one thread, ordered and paged as <see cref="CommentQuery"/> says.</summary>
    Task<IReadOnlyList<Comment>> ListAsync(CommentQuery query, CancellationToken ct = default);

    /// <summary>Visible comments of a thread counted per parent, ignoring any time filter.</summary>
    Task<ReplyCounts> CountRepliesAsync(string uri, CancellationToken ct = default);

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

    /// <summary>Ids of comments (any thread, any mode) from this address created after the given time.</summary>
    Task<IReadOnlyList<long>> RecentIdsByAddressAsync(string remoteAddr, double createdAfter, CancellationToken ct = default);

    /// <summary>Top-level comments (any mode) of a thread written from this address, ever.</summary>
    Task<int> CountTopLevelByAddressAsync(string uri, string remoteAddr, CancellationToken ct = default);

    /// <summary>Whether a published comment with exactly this stored e-mail was created after the given time.</summary>
    Task<bool> HasPublishedByEmailSinceAsync(string email, double createdAfter, CancellationToken ct = default);

    /// <summary>
    /// Reply-mail candidates for a reply to <paramref name="parent"/> (spec/notifications.md §5): the parent
    /// itself, then its published replies, oldest first.
    /// </summary>
    Task<IReadOnlyList<Comment>> ConversationAsync(long parent, CancellationToken ct = default);

    /// <summary>Whether this stored e-mail has confirmed a reply subscription before (double opt-in).</summary>
    Task<bool> IsAddressConfirmedAsync(string email, CancellationToken ct = default);

    /// <summary>
    /// Records <paramref name="email"/> as confirmed and subscribes comment <paramref name="id"/> when it was written
    /// with that address; false when no such comment exists.
    /// </summary>
    Task<bool> ConfirmAddressAsync(string email, long id, double now, CancellationToken ct = default);

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

    /// <summary>Adds a finished message to the outbox, due at once.</summary>
    Task EnqueueMailAsync(string envelopeFrom, string recipient, byte[] message, double now, CancellationToken ct = default);

    /// <summary>Up to <paramref name="limit"/> outbox messages due at <paramref name="now"/>, oldest first.</summary>
    Task<IReadOnlyList<QueuedMail>> DueMailsAsync(double now, int limit, CancellationToken ct = default);

    /// <summary>When the next outbox message falls due; null when none waits.</summary>
    Task<double?> NextMailDueAsync(CancellationToken ct = default);

    /// <summary>Removes a delivered message from the outbox.</summary>
    Task MailSentAsync(long id, CancellationToken ct = default);

    /// <summary>Records a failed attempt; <paramref name="retryAt"/> null means the message is given up (kept, never retried).</summary>
    Task MailFailedAsync(long id, double? retryAt, string error, CancellationToken ct = default);

    /// <summary>Makes every waiting message due now (the mail server answered again).</summary>
    Task RetryMailsNowAsync(double now, CancellationToken ct = default);
}
