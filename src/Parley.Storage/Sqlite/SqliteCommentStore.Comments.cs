using Parley.Core.Comments;

namespace Parley.Storage.Sqlite;

/// <summary>Single-comment reads; writes go through <see cref="SqliteWriteScope"/>.</summary>
public sealed partial class SqliteCommentStore
{
    public Task<Comment?> GetCommentAsync(long id, CancellationToken ct = default) =>
        ReadAsync(c => GetCommentAsync(c, id, null, ct), ct);
}
