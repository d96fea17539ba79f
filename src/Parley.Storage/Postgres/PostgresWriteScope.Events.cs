using Dapper;
using Parley.Core.Events;

namespace Parley.Storage.Postgres;

/// <summary>Appending to the event log, in the transaction of the change.</summary>
internal sealed partial class PostgresWriteScope
{
    public Task RecordAsync(ChangeEvent change, CancellationToken ct = default)
    {
        const string sql = """
            INSERT INTO parley_events (type, created, by, tid, uri, title, comment_id, parent, comment_created, modified, mode,
                                       text, author, website, likes, dislikes, placeholder, upvote, origin, endpoint, confirm)
            VALUES (@Type, @Created, @By, @Tid, @Uri, @Title, @CommentId, @Parent, @CommentCreated, @Modified, @Mode,
                    @Text, @Author, @Website, @Likes, @Dislikes, @Placeholder, @Upvote, @Origin, @Endpoint, @Confirm)
            """;
        var c = change.Comment;
        var row = new
        {
            change.Type,
            change.Created,
            change.By,
            Tid = change.Thread.Id,
            change.Thread.Uri,
            change.Thread.Title,
            CommentId = c?.Id,
            c?.Parent,
            CommentCreated = c?.Created,
            c?.Modified,
            Mode = (long?)c?.Mode,
            c?.Text,
            c?.Author,
            c?.Website,
            Likes = c?.Likes,
            Dislikes = c?.Dislikes,
            change.Placeholder,
            change.Upvote,
            change.Site?.Origin,
            change.Site?.Endpoint,
            Confirm = change.ConfirmSubscription,
        };
        return connection.ExecuteAsync(new CommandDefinition(sql, row, cancellationToken: ct));
    }
}
