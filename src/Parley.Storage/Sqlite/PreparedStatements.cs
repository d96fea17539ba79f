using Microsoft.Data.Sqlite;

namespace Parley.Storage.Sqlite;

/// <summary>
/// Commands of the writer connection kept prepared across writes: SQLite compiles a statement (and the triggers it
/// fires) once, and every later write only binds new values. Belongs to one connection and dies with it.
/// </summary>
internal sealed class PreparedStatements(SqliteConnection connection) : IDisposable
{
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

    /// <summary>The command for <paramref name="sql"/>, its parameters cleared.</summary>
    public SqliteCommand Get(string sql)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = connection.CreateCommand();
            command.CommandText = sql;
            _commands.Add(sql, command);
        }
        command.Parameters.Clear();
        return command;
    }

    /// <summary>Runs <paramref name="sql"/>, which takes no parameters.</summary>
    public Task<int> ExecuteAsync(string sql) => Get(sql).ExecuteNonQueryAsync();

    public void Dispose()
    {
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }
        _commands.Clear();
    }
}
