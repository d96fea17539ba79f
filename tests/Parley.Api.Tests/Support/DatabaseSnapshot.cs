using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Parley.Api.Tests.Support;

/// <summary>
/// Every column of every row of the named tables, ordered by id, with each value's storage class kept:
/// two snapshots are equal only when the stored bytes are.
/// </summary>
public static class DatabaseSnapshot
{
    public static IReadOnlyList<string> Read(string dbPath, params string[] tables)
    {
        var rows = new List<string>();
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = dbPath,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString());
        connection.Open();
        foreach (var table in tables)
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM {table} ORDER BY id";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var cells = new List<string>(reader.FieldCount);
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    cells.Add(reader.GetName(i) + "=" + Cell(reader, i));
                }
                rows.Add(table + ": " + string.Join(" | ", cells));
            }
        }
        return rows;
    }

    private static string Cell(SqliteDataReader reader, int i)
    {
        if (reader.IsDBNull(i))
        {
            return "NULL";
        }
        return reader.GetValue(i) switch
        {
            byte[] blob => "X'" + Convert.ToHexString(blob) + "'",
            double real => "R:" + BitConverter.DoubleToInt64Bits(real).ToString("X16", CultureInfo.InvariantCulture),
            long integer => "I:" + integer.ToString(CultureInfo.InvariantCulture),
            string text => "T:" + Convert.ToHexString(System.Text.Encoding.UTF8.GetBytes(text)),
            var other => "?" + other.GetType().Name + ":" + Convert.ToString(other, CultureInfo.InvariantCulture),
        };
    }
}
