using Parley.Core.Comments;
using Parley.Core.Storage;

namespace Parley.Storage.Tests.Support;

/// <summary>
/// Single writes for arranging and checking a store: each one write transaction of its own, as
/// <see cref="CommentService"/> would open, without the rules or events around it.
/// </summary>
public static class StoreWrites
{
    public static Task<CommentThread> CreateThreadAsync(this ICommentStore store, string uri, string? title) =>
        store.WriteAsync(async tx => await tx.GetThreadAsync(uri) ?? await tx.InsertThreadAsync(uri, title));

    public static Task<Comment> InsertCommentAsync(this ICommentStore store, Comment comment) =>
        store.WriteAsync(tx => tx.InsertCommentAsync(comment));

    public static Task UpdateCommentAsync(this ICommentStore store, Comment comment) =>
        store.WriteAsync(async tx =>
        {
            await tx.UpdateCommentAsync(comment);
            return true;
        });

    public static Task<Comment?> DeleteCommentAsync(this ICommentStore store, long id) =>
        store.WriteAsync(tx => tx.DeleteCommentAsync(id));

    public static Task<bool> ActivateAsync(this ICommentStore store, long id) =>
        store.WriteAsync(tx => tx.ActivateAsync(id));

    public static Task RecordVoteAsync(this ICommentStore store, long id, bool upvote, byte[] voters) =>
        store.WriteAsync(async tx =>
        {
            await tx.RecordVoteAsync(id, upvote, voters);
            return true;
        });

    public static Task<int> UnsubscribeAsync(this ICommentStore store, string email, long id) =>
        store.WriteAsync(tx => tx.UnsubscribeAsync(email, id));

    /// <summary>What a purge does to the store: every pending comment created before the time deleted, as Isso deletes.</summary>
    public static Task<int> PurgePendingAsync(this ICommentStore store, double createdBefore) =>
        store.WriteAsync(async tx =>
        {
            var pending = await tx.PendingBeforeAsync(createdBefore);
            foreach (var comment in pending)
            {
                await tx.DeleteCommentAsync(comment.Id);
            }
            return pending.Count;
        });

    public static Task<IReadOnlyList<long>> RecentIdsByAddressAsync(this ICommentStore store, string remoteAddr, double createdAfter) =>
        store.WriteAsync(tx => tx.RecentIdsByAddressAsync(remoteAddr, createdAfter));

    public static Task<int> CountTopLevelByAddressAsync(this ICommentStore store, string uri, string remoteAddr) =>
        store.WriteAsync(tx => tx.CountTopLevelByAddressAsync(uri, remoteAddr));

    public static Task<bool> HasPublishedByEmailSinceAsync(this ICommentStore store, string email, double createdAfter) =>
        store.WriteAsync(tx => tx.HasPublishedByEmailSinceAsync(email, createdAfter));
}
