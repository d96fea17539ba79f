using Parley.Core.Comments;

namespace Parley.Core.Storage;

/// <summary>A thread with all its comments, every mode, ordered by id (<see cref="ICommentStore.ExportAsync"/>).</summary>
public sealed record ExportedThread(CommentThread Thread, IReadOnlyList<Comment> Comments);
