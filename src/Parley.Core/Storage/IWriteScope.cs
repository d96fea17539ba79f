using Parley.Core.Comments;
using Parley.Core.Events;
using Parley.Core.Spam;

namespace Parley.Core.Storage;

/// <summary>
/// One write transaction, opened by <see cref="ICommentStore.WriteAsync{T}"/>: its reads see the database as it is
/// inside the transaction (including its own writes), and everything it writes, event rows included, commits together
/// or not at all. No other writer, in this process or another, changes the database in between.
/// </summary>
public interface IWriteScope
{
    Task<CommentThread?> GetThreadAsync(string uri, CancellationToken ct = default);

    Task<CommentThread?> GetThreadByIdAsync(long id, CancellationToken ct = default);

    /// <summary>Inserts a thread with that uri, which must not exist yet.</summary>
    Task<CommentThread> InsertThreadAsync(string uri, string? title, CancellationToken ct = default);

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

    /// <summary>Every comment and its thread, ordered by id (what <see cref="DeleteEverythingAsync"/> will remove).</summary>
    Task<IReadOnlyList<(Comment Comment, CommentThread Thread)>> AllCommentsAsync(CancellationToken ct = default);

    /// <summary>Removes every comment and thread (demo mode's reset); preferences such as the session key stay.</summary>
    Task DeleteEverythingAsync(CancellationToken ct = default);

    /// <summary>Sets a pending comment to published; false when it was not pending.</summary>
    Task<bool> ActivateAsync(long id, CancellationToken ct = default);

    /// <summary>Adds one like or dislike and stores the voters filter that now holds the voter.</summary>
    Task RecordVoteAsync(long id, bool upvote, byte[] voters, CancellationToken ct = default);

    /// <summary>Clears <c>notification</c> on comment <paramref name="id"/> and its replies written with <paramref name="email"/>.</summary>
    Task<int> UnsubscribeAsync(string email, long id, CancellationToken ct = default);

    /// <summary>Clears <c>notification</c> on every comment written with <paramref name="email"/> in the thread of comment <paramref name="id"/>.</summary>
    Task<int> UnsubscribeThreadAsync(string email, long id, CancellationToken ct = default);

    /// <summary>Pending comments created before <paramref name="createdBefore"/>, oldest first (what a purge removes).</summary>
    Task<IReadOnlyList<Comment>> PendingBeforeAsync(double createdBefore, CancellationToken ct = default);

    /// <summary>Ids of comments (any thread, any mode) from this address created after the given time.</summary>
    Task<IReadOnlyList<long>> RecentIdsByAddressAsync(string remoteAddr, double createdAfter, CancellationToken ct = default);

    /// <summary>Top-level comments (any mode) of a thread written from this address, ever.</summary>
    Task<int> CountTopLevelByAddressAsync(string uri, string remoteAddr, CancellationToken ct = default);

    /// <summary>Whether a published comment with exactly this stored e-mail was created after the given time.</summary>
    Task<bool> HasPublishedByEmailSinceAsync(string email, double createdAfter, CancellationToken ct = default);

    /// <summary>
    /// Records a proof-of-work challenge as used until it expires (forgetting those expired before
    /// <paramref name="now"/>); false when it was used before.
    /// </summary>
    Task<bool> SpendChallengeAsync(string challenge, double expires, double now, CancellationToken ct = default);

    /// <summary>Why comment <paramref name="id"/> (created at <paramref name="created"/>) waits for moderation: a spam rule's reason.</summary>
    Task RecordHoldReasonAsync(long id, double created, string reason, CancellationToken ct = default);

    /// <summary>The ban that applies to a comment from <paramref name="remoteAddr"/> with <paramref name="email"/>, refusing ones first; null when none.</summary>
    Task<Ban?> BanForAsync(string remoteAddr, string? email, CancellationToken ct = default);

    /// <summary>Bans <paramref name="value"/> (or changes its action when it is banned already).</summary>
    Task<Ban> AddBanAsync(string kind, string value, string action, double now, CancellationToken ct = default);

    /// <summary>Lifts ban <paramref name="id"/>; false when there was none.</summary>
    Task<bool> RemoveBanAsync(long id, CancellationToken ct = default);

    /// <summary>Whether this stored e-mail has confirmed a reply subscription before (double opt-in).</summary>
    Task<bool> IsAddressConfirmedAsync(string email, CancellationToken ct = default);

    /// <summary>
    /// Records <paramref name="email"/> as confirmed and subscribes comment <paramref name="id"/> at
    /// <paramref name="level"/> when it was written with that address; false when no such comment exists.
    /// </summary>
    Task<bool> ConfirmAddressAsync(string email, long id, long level, double now, CancellationToken ct = default);

    /// <summary>The failed admin sign-ins recorded for <paramref name="address"/>; null when none are.</summary>
    Task<LoginFailures?> GetLoginFailuresAsync(string address, CancellationToken ct = default);

    /// <summary>Records <paramref name="failures"/> for <paramref name="address"/>, replacing what was; null forgets the address.</summary>
    Task SetLoginFailuresAsync(string address, LoginFailures? failures, CancellationToken ct = default);

    /// <summary>Forgets every address whose last failure came before <paramref name="lastBefore"/> and whose lockout ended by <paramref name="now"/>.</summary>
    Task ForgetLoginFailuresAsync(double lastBefore, double now, CancellationToken ct = default);

    /// <summary>Appends <paramref name="change"/> to the event log; it commits with the change it describes.</summary>
    Task RecordAsync(ChangeEvent change, CancellationToken ct = default);
}
