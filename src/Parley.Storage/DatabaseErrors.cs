using Microsoft.Data.Sqlite;
using Npgsql;

namespace Parley.Storage;

/// <summary>Which failures mean "the database cannot be reached or used right now", as opposed to a bug or bad data.</summary>
public static class DatabaseErrors
{
    // SQLite: busy or locked past the timeout, cannot open, I/O error.
    private static readonly int[] SqliteUnavailable = [5, 6, 10, 14];

    /// <summary>
    /// True for a database server that is down, unreachable, restarting, out of connections or out of space, and for a SQLite
    /// file that stays locked or cannot be read: the request may succeed later, and nothing was half written.
    /// </summary>
    public static bool IsUnavailable(Exception? e) => e switch
    {
        null => false,
        PostgresException p => p.SqlState.StartsWith("08", StringComparison.Ordinal) || p.SqlState.StartsWith("53", StringComparison.Ordinal)
            || p.SqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow,
        NpgsqlException => true,
        SqliteException s => SqliteUnavailable.Contains(s.SqliteErrorCode),
        _ => IsUnavailable(e.InnerException),
    };
}

/// <summary>The database server could not be reached at start-up; a later attempt may succeed (see <c>run</c>).</summary>
public sealed class DatabaseUnreachableException(string url, string reason) : IOException($"[general] dbpath {url} cannot be reached: {reason}");
