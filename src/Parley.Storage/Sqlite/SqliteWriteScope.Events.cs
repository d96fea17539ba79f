using Parley.Core.Events;

namespace Parley.Storage.Sqlite;

/// <summary>Appending to the event log, in the transaction of the change.</summary>
internal sealed partial class SqliteWriteScope
{
    public async Task RecordAsync(ChangeEvent change, CancellationToken ct = default)
    {
        const string sql = """
            INSERT INTO parley_events (type, created, by, tid, uri, title, comment_id, parent, comment_created, modified, mode,
                                       text, author, website, likes, dislikes, placeholder, upvote, origin, endpoint, confirm)
            VALUES ($type, $created, $by, $tid, $uri, $title, $comment_id, $parent, $comment_created, $modified, $mode,
                    $text, $author, $website, $likes, $dislikes, $placeholder, $upvote, $origin, $endpoint, $confirm)
            """;
        var c = change.Comment;
        var command = statements.Get(sql);
        var values = command.Parameters;
        values.AddWithValue("$type", change.Type);
        values.AddWithValue("$created", change.Created);
        values.AddWithValue("$by", change.By);
        values.AddWithValue("$tid", change.Thread.Id);
        values.AddWithValue("$uri", change.Thread.Uri);
        values.AddWithValue("$title", Db(change.Thread.Title));
        values.AddWithValue("$comment_id", Db(c?.Id));
        values.AddWithValue("$parent", Db(c?.Parent));
        values.AddWithValue("$comment_created", Db(c?.Created));
        values.AddWithValue("$modified", Db(c?.Modified));
        values.AddWithValue("$mode", Db(c?.Mode));
        values.AddWithValue("$text", Db(c?.Text));
        values.AddWithValue("$author", Db(c?.Author));
        values.AddWithValue("$website", Db(c?.Website));
        values.AddWithValue("$likes", Db(c?.Likes));
        values.AddWithValue("$dislikes", Db(c?.Dislikes));
        values.AddWithValue("$placeholder", change.Placeholder);
        values.AddWithValue("$upvote", Db(change.Upvote));
        values.AddWithValue("$origin", Db(change.Site?.Origin));
        values.AddWithValue("$endpoint", Db(change.Site?.Endpoint));
        values.AddWithValue("$confirm", change.SubscriptionToConfirm);
        await command.ExecuteNonQueryAsync(ct);
    }
}
