using Dapper;
using Microsoft.Data.Sqlite;
using Parley.Core.Comments;

namespace Parley.Storage.Sqlite;

/// <summary>The threads table.</summary>
public sealed partial class SqliteCommentStore
{
    private const string ThreadColumns = "id AS Id, CAST(uri AS TEXT) AS Uri, CAST(title AS TEXT) AS Title";

    public Task<CommentThread?> GetThreadAsync(string uri, CancellationToken ct = default) =>
        ReadAsync(c => GetThreadAsync(c, uri, ct), ct);

    public Task<CommentThread?> GetThreadByIdAsync(long id, CancellationToken ct = default) =>
        ReadAsync(c => GetThreadByIdAsync(c, id, ct), ct);

    internal static async Task<CommentThread?> GetThreadByIdAsync(SqliteConnection connection, long id, CancellationToken ct)
    {
        const string sql = $"SELECT {ThreadColumns} FROM threads WHERE id = @id";
        return ToThread(await connection.QuerySingleOrDefaultAsync<ThreadRow>(new CommandDefinition(sql, new { id }, cancellationToken: ct)));
    }

    internal static async Task<CommentThread?> GetThreadAsync(SqliteConnection connection, string uri, CancellationToken ct)
    {
        const string sql = $"SELECT {ThreadColumns} FROM threads WHERE uri = @uri";
        return ToThread(await connection.QuerySingleOrDefaultAsync<ThreadRow>(
            new CommandDefinition(sql, new { uri }, cancellationToken: ct)));
    }

    private static CommentThread? ToThread(ThreadRow? row) => row is null ? null : new(row.Id, row.Uri ?? "", row.Title);

    // Settable properties let the mapper convert by name; CommentThread's constructor would need exact types.
    private sealed class ThreadRow
    {
        public long Id { get; set; }
        public string? Uri { get; set; }
        public string? Title { get; set; }
    }
}
