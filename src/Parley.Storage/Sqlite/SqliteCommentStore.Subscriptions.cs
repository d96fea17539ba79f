using Dapper;
using Parley.Core.Comments;

namespace Parley.Storage.Sqlite;

/// <summary>Who hears about replies: conversations and confirmed addresses.</summary>
public sealed partial class SqliteCommentStore
{
    public Task<IReadOnlyList<Comment>> ConversationAsync(long parent, CancellationToken ct = default)
    {
        const string replies = $"SELECT {CommentColumns} FROM comments c WHERE c.parent = @parent AND c.mode = 1 ORDER BY c.id";
        return ReadAsync<IReadOnlyList<Comment>>(async c =>
        {
            var head = await GetCommentAsync(c, parent, null, ct);
            var rest = await QueryCommentsAsync(c, replies, new { parent }, ct);
            return head is null ? rest : [head, .. rest];
        }, ct);
    }

    public Task<bool> IsAddressConfirmedAsync(string email, CancellationToken ct = default) =>
        ReadAsync(c => c.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT EXISTS (SELECT 1 FROM parley_confirmed_addresses WHERE email = @email)", new { email }, cancellationToken: ct)), ct);

    public Task<bool> ConfirmAddressAsync(string email, long id, double now, CancellationToken ct = default)
    {
        const string subscribe = "UPDATE comments SET notification = 1 WHERE id = @id AND email = @email";
        const string remember = "INSERT OR IGNORE INTO parley_confirmed_addresses (email, confirmed) VALUES (@email, @now)";
        return WriteAsync(async c =>
        {
            await using var transaction = await c.BeginTransactionAsync(ct);
            var found = await c.ExecuteAsync(new CommandDefinition(subscribe, new { id, email }, transaction, cancellationToken: ct)) > 0;
            if (found)
            {
                await c.ExecuteAsync(new CommandDefinition(remember, new { email, now }, transaction, cancellationToken: ct));
            }
            await transaction.CommitAsync(ct);
            return found;
        }, ct);
    }
}
