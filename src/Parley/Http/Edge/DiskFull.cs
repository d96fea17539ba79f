using Microsoft.Data.Sqlite;
using Parley.Core.Config;
using Parley.Storage.Postgres;

namespace Parley.Http.Edge;

/// <summary>
/// A write that failed for want of space: SQLite's SQLITE_FULL, or the system's "no space left on device". It is not a
/// bug, so no stack trace: clients get 503 with a sentence a reader understands, and the log one line a minute
/// however many requests fail, with how many did. Nothing stored is lost: the failed transaction rolled back.
/// </summary>
internal sealed class DiskFull(LiveConfig config, TimeProvider time, ILogger<DiskFull> log)
{
    public const string Message = "The comment server cannot save anything at the moment: its disk is full. Please try again later.";

    /// <summary>What <c>Retry-After</c> says, in seconds.</summary>
    public const int RetryAfter = 60;

    private const int SqliteFull = 13;
    private const int Enospc = 28;
    private const int WindowsDiskFull = unchecked((int)0x80070070);
    private const int WindowsHandleDiskFull = unchecked((int)0x80070027);
    private readonly RefusalCount _refusals = new(time);

    public static bool Is(Exception? e) => e switch
    {
        null => false,
        SqliteException s => s.SqliteErrorCode == SqliteFull,
        IOException io => io.HResult is Enospc or WindowsDiskFull or WindowsHandleDiskFull,
        _ => Is(e.InnerException),
    };

    /// <summary>Counts one refused write; logs a line when none was logged in the last minute.</summary>
    public void Refused(Exception e)
    {
        if (_refusals.Add() is not { } refused)
        {
            return;
        }
        log.LogError("Cannot write to the database {DbPath}: the disk is full ({Reason}). Writes are answered 503 until space is freed; "
            + "{Refused} refused since the last message.", PostgresUrl.Masked(config.Current.General.DbPath), Reason(e), refused);
    }

    private static string Reason(Exception e) => e is SqliteException or IOException || e.InnerException is null ? e.Message : Reason(e.InnerException);
}
