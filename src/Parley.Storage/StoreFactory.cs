using Parley.Core.Config;
using Parley.Core.Storage;
using Parley.Storage.Postgres;
using Parley.Storage.Sqlite;

namespace Parley.Storage;

/// <summary>
/// Config → storage engine: PostgreSQL when <c>[general] dbpath</c> is a <c>postgresql://</c> URL, otherwise the
/// embedded SQLite file it names.
/// </summary>
public static class StoreFactory
{
    public static ICommentStore Open(ParleyConfig config) =>
        PostgresUrl.Matches(config.General.DbPath)
            // Start-up and CLI commands only: nothing waits on this thread but the caller.
            ? PostgresCommentStore.OpenAsync(config.General.DbPath).GetAwaiter().GetResult()
            : SqliteCommentStore.Open(config.General.DbPath, config.General.SessionKey);
}
