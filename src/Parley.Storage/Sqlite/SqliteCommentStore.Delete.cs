using Dapper;
using Microsoft.Data.Sqlite;
using Parley.Core.Comments;

namespace Parley.Storage.Sqlite;

/// <summary>Deleting and purging, with Isso's placeholder cleanup (behaviour.md §7, storage.md §5).</summary>
public sealed partial class SqliteCommentStore
{
    public Task DeleteEverythingAsync(CancellationToken ct = default) =>
        // The trigger removes the threads once their comments are gone; the session key stays.
        WriteAsync(c => c.ExecuteAsync(new CommandDefinition("DELETE FROM comments; DELETE FROM threads", cancellationToken: ct)), ct);

    public Task<Comment?> DeleteCommentAsync(long id, CancellationToken ct = default)
    {
        const string isReferenced = "SELECT EXISTS (SELECT 1 FROM comments WHERE parent = @id)";
        const string toPlaceholder = """
            UPDATE comments SET text = '', mode = 4, author = NULL, website = NULL WHERE id = @id
            """;
        const string delete = "DELETE FROM comments WHERE id = @id";

        return WriteAsync(async c =>
        {
            await using var transaction = (SqliteTransaction)await c.BeginTransactionAsync(ct);
            var keep = await c.ExecuteScalarAsync<bool>(
                new CommandDefinition(isReferenced, new { id }, transaction, cancellationToken: ct));
            await c.ExecuteAsync(
                new CommandDefinition(keep ? toPlaceholder : delete, new { id }, transaction, cancellationToken: ct));
            await RemoveOrphanedPlaceholdersAsync(c, transaction, ct);
            var placeholder = keep ? await GetCommentAsync(c, id, transaction, ct) : null;
            await transaction.CommitAsync(ct);
            return placeholder;
        }, ct);
    }

    public Task<int> PurgePendingAsync(double createdBefore, CancellationToken ct = default)
    {
        const string sql = "DELETE FROM comments WHERE mode = 2 AND created < @createdBefore";
        return WriteAsync(async c =>
        {
            await using var transaction = (SqliteTransaction)await c.BeginTransactionAsync(ct);
            var purged = await c.ExecuteAsync(
                new CommandDefinition(sql, new { createdBefore }, transaction, cancellationToken: ct));
            await RemoveOrphanedPlaceholdersAsync(c, transaction, ct);
            await transaction.CommitAsync(ct);
            return purged;
        }, ct);
    }

    // Removing a placeholder can orphan nothing else today (nesting is one level), but Isso loops
    // until stable, and so does this. The trigger then drops threads left without comments.
    private static async Task RemoveOrphanedPlaceholdersAsync(
        SqliteConnection connection, SqliteTransaction transaction, CancellationToken ct)
    {
        const string sql = """
            DELETE FROM comments
            WHERE mode = 4 AND id NOT IN (SELECT parent FROM comments WHERE parent IS NOT NULL)
            """;
        while (await connection.ExecuteAsync(new CommandDefinition(sql, transaction: transaction, cancellationToken: ct)) > 0)
        {
        }
    }
}
