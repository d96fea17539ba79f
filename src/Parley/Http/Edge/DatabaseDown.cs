using Parley.Core.Storage;
using Parley.Storage;

namespace Parley.Http.Edge;

/// <summary>
/// The database cannot be reached or used right now (a PostgreSQL server down or restarting, a SQLite file locked past
/// the timeout). Not a bug, so no stack trace: clients get 503 with a sentence and <c>Retry-After</c>, the log one line
/// a minute with how many requests were refused, and <c>/info</c> says so until the database answers again. Nothing is
/// acknowledged that was not committed: the failed transaction is gone whole.
/// </summary>
internal sealed class DatabaseDown(ICommentStore store, TimeProvider time, ILogger<DatabaseDown> log)
{
    public const string Message = "The comment server cannot reach its database at the moment. Please try again in a few seconds.";

    /// <summary>What <c>Retry-After</c> says, in seconds.</summary>
    public const int RetryAfter = 5;

    private readonly RefusalCount _refusals = new(time);
    private volatile bool _down;

    public static bool Is(Exception e) => DatabaseErrors.IsUnavailable(e);

    /// <summary>Counts one refused request; logs a line when none was logged in the last minute.</summary>
    public void Refused(Exception e)
    {
        _down = true;
        if (_refusals.Add() is not { } refused)
        {
            return;
        }
        log.LogError("The database is unavailable ({Reason}). Requests are answered 503 until it answers again; {Refused} refused since the last message.",
            e.GetBaseException().Message, refused);
    }

    /// <summary>
    /// Whether the database answers. Free while nothing failed; after a failure, each call asks the database, so the state
    /// clears as soon as it is back.
    /// </summary>
    public async Task<bool> AnswersAsync(CancellationToken ct)
    {
        if (!_down)
        {
            return true;
        }
        try
        {
            await store.ChangeVersionAsync(ct);
            _down = false;
            log.LogInformation("The database answers again");
            return true;
        }
        catch (Exception e) when (Is(e))
        {
            return false;
        }
    }
}
