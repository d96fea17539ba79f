using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Parley.Api.Tests.Support;

namespace Parley.Api.Tests.Durability;

/// <summary>Owner mail as the durability tests see it: the settings that turn it on, what arrived, and what is still to come.</summary>
internal static class OwnerMails
{
    public const string Owner = "owner@example.org";

    /// <summary>Config settings for a server that mails the owner of every new comment through <paramref name="smtp"/>.</summary>
    public static (string Section, string Key, string Value)[] Settings(SmtpServer smtp) =>
    [
        ("general", "notify", "smtp"), ("moderation", "enabled", "false"),
        ("smtp", "host", "127.0.0.1"), ("smtp", "port", smtp.Port.ToString(CultureInfo.InvariantCulture)), ("smtp", "security", "none"),
        ("smtp", "to", Owner), ("smtp", "from", "parley@example.org"),
    ];

    /// <summary>
    /// Each comment text (found by <paramref name="text"/>) in the owner mails received so far, with the Message-ID of
    /// every mail that carried it: the same ID twice is one queued mail sent twice, two IDs are its event queued twice.
    /// </summary>
    public static Dictionary<string, List<string>> ByText(SmtpServer smtp, Regex text) =>
        smtp.Mails.Where(m => m.RcptTos.Contains(Owner))
            .SelectMany(m => text.Matches(m.Body).Select(match => match.Value).Distinct().Select(found => (Text: found, Id: m.Header("Message-ID"))))
            .GroupBy(mail => mail.Text, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(mail => mail.Id).ToList(), StringComparer.Ordinal);

    /// <summary>
    /// How many mails wait in the outbox of the database at <paramref name="db"/>, and whether the mail destination has
    /// events left to read (each of which could queue another mail).
    /// </summary>
    public static (long Queued, bool Behind) Backlog(string db)
    {
        using var connection = new SqliteConnection($"Data Source={db};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM parley_outbox";
        var queued = (long)command.ExecuteScalar()!;
        command.CommandText = """
            SELECT coalesce((SELECT max(seq) FROM parley_events), 0) > coalesce((SELECT seq FROM parley_event_cursors WHERE destination = 'mail'), 0)
            """;
        return (queued, (long)command.ExecuteScalar()! != 0);
    }

    /// <summary>
    /// What the database at <paramref name="db"/> holds for the comments with <paramref name="texts"/>: each one's id,
    /// its events, the mail cursor against the last event, and every mail still in the outbox. A failure prints it, so
    /// that a mail missing at the end can be told apart: never queued, queued and waiting, or queued and lost.
    /// </summary>
    public static string Explain(string db, IEnumerable<string> texts)
    {
        using var connection = new SqliteConnection($"Data Source={db};Pooling=False");
        connection.Open();
        var lines = new List<string>();
        void Query(string title, string sql, string? text = null)
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            if (text is not null)
            {
                command.Parameters.AddWithValue("$text", text);
            }
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                lines.Add($"{title}: " + string.Join(", ", Enumerable.Range(0, reader.FieldCount)
                    .Select(i => $"{reader.GetName(i)}={(reader.IsDBNull(i) ? "null" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture))}")));
            }
        }
        foreach (var text in texts)
        {
            Query(text, "SELECT id, created FROM comments WHERE text = $text", text);
            Query(text, "SELECT e.seq, e.type, e.created FROM parley_events e WHERE e.text = $text", text);
        }
        Query("cursor", "SELECT destination, seq, (SELECT max(seq) FROM parley_events) AS last FROM parley_event_cursors");
        Query("outbox", "SELECT id, attempts, due, last_error FROM parley_outbox");
        return string.Join('\n', lines);
    }
}
