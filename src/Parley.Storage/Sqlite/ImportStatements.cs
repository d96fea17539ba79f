using Microsoft.Data.Sqlite;
using Parley.Core.Import;
using Parley.Core.Security;

namespace Parley.Storage.Sqlite;

/// <summary>The import's per-comment insert, prepared once per import.</summary>
internal sealed class ImportInsert : IDisposable
{
    // In the order Run sets them.
    private static readonly string[] Names =
        ["$tid", "$created", "$modified", "$mode", "$remote_addr", "$text", "$author", "$email", "$website", "$likes", "$dislikes", "$voters", "$notification"];

    private readonly SqliteCommand _command;
    private readonly SqliteParameter[] _values;

    public ImportInsert(SqliteConnection connection, SqliteTransaction transaction)
    {
        _command = connection.CreateCommand();
        _command.Transaction = transaction;
        _command.CommandText = """
            INSERT INTO comments (tid, id, parent, created, modified, mode, remote_addr, text,
                                  author, email, website, likes, dislikes, voters, notification)
            VALUES ($tid, NULL, NULL, $created, $modified, $mode, $remote_addr, $text,
                    $author, $email, $website, $likes, $dislikes, $voters, $notification)
            RETURNING id
            """;
        _values = [.. Names.Select(name => _command.Parameters.Add(new SqliteParameter { ParameterName = name }))];
        _command.Prepare();
    }

    public long Run(long tid, ImportedComment comment)
    {
        object Db(object? value) => value ?? DBNull.Value;
        _values[0].Value = tid;
        _values[1].Value = comment.Created;
        _values[2].Value = Db(comment.Modified);
        _values[3].Value = comment.Mode;
        _values[4].Value = Db(comment.RemoteAddr);
        _values[5].Value = comment.Text;
        _values[6].Value = Db(comment.Author);
        _values[7].Value = Db(comment.Email);
        _values[8].Value = Db(comment.Website);
        _values[9].Value = comment.Likes;
        _values[10].Value = comment.Dislikes;
        _values[11].Value = comment.Voters ?? VotersFilter.Create(comment.RemoteAddr ?? AddressAnonymizer.Unknown);
        _values[12].Value = Db(comment.Notification);
        return (long)_command.ExecuteScalar()!;
    }

    public void Dispose() => _command.Dispose();
}

/// <summary>The import's second pass: a reply learns its parent's new id.</summary>
internal sealed class ParentLink : IDisposable
{
    private readonly SqliteCommand _command;
    private readonly SqliteParameter _id;
    private readonly SqliteParameter _parent;

    public ParentLink(SqliteConnection connection, SqliteTransaction transaction)
    {
        _command = connection.CreateCommand();
        _command.Transaction = transaction;
        _command.CommandText = "UPDATE comments SET parent = $parent WHERE id = $id";
        _parent = _command.Parameters.Add(new SqliteParameter { ParameterName = "$parent" });
        _id = _command.Parameters.Add(new SqliteParameter { ParameterName = "$id" });
        _command.Prepare();
    }

    public void Run(long id, long parent)
    {
        _id.Value = id;
        _parent.Value = parent;
        _command.ExecuteNonQuery();
    }

    public void Dispose() => _command.Dispose();
}
