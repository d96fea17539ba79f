using Dapper;
using Microsoft.Data.Sqlite;

namespace Parley.Storage.Tests.Sqlite;

/// <summary>Reads a database's layout the way the schema tests compare it.</summary>
public static class SqliteSchema
{
    // Settable properties: the mapper then converts notnull (an integer) and NULL defaults by name.
    public sealed record Column
    {
        public long Cid { get; init; }
        public string Name { get; init; } = "";
        public string Type { get; init; } = "";
        public bool NotNull { get; init; }
        public string? Default { get; init; }
        public long Pk { get; init; }
    }

    public static IReadOnlyList<Column> Columns(SqliteConnection connection, string table) =>
        connection.Query<Column>(
            """
            SELECT cid AS Cid, name AS Name, type AS Type, "notnull" AS "NotNull", dflt_value AS "Default", pk AS Pk
            FROM pragma_table_info(@table) ORDER BY cid
            """,
            new { table }).AsList();

    public static long UserVersion(SqliteConnection connection) => connection.ExecuteScalar<long>("PRAGMA user_version");

    public static IReadOnlyList<string> Tables(SqliteConnection connection) =>
        connection.Query<string>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY rowid").AsList();

    public static string? TriggerSql(SqliteConnection connection) =>
        connection.ExecuteScalar<string?>(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'remove_stale_threads' AND tbl_name = 'comments'");
}
