using Npgsql;
using Parley.Core.Events;

namespace Parley.Storage.Postgres;

/// <summary>
/// Appending to the event log, in the transaction of the change. Nothing in a write waits for its event rows, so they are
/// kept until the commit and go out with it (see <see cref="CommitAsync"/>): a write costs one round trip less.
/// </summary>
internal sealed partial class PostgresWriteScope
{
    private const string InsertEvent = """
        INSERT INTO parley_events (type, created, by, tid, uri, title, comment_id, parent, comment_created, modified, mode,
                                   text, author, website, likes, dislikes, placeholder, upvote, origin, endpoint, confirm)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21)
        """;

    private readonly List<ChangeEvent> _events = [];

    public Task RecordAsync(ChangeEvent change, CancellationToken ct = default)
    {
        _events.Add(change);
        return Task.CompletedTask;
    }

    private static NpgsqlBatchCommand EventRow(ChangeEvent change)
    {
        var c = change.Comment;
        return Row(InsertEvent,
            change.Type, change.Created, change.By, change.Thread.Id, change.Thread.Uri, change.Thread.Title,
            c?.Id, c?.Parent, c?.Created, c?.Modified, (long?)c?.Mode, c?.Text, c?.Author, c?.Website, c?.Likes, c?.Dislikes,
            change.Placeholder, change.Upvote, change.Site?.Origin, change.Site?.Endpoint, change.SubscriptionToConfirm);
    }
}
