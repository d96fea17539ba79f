using Parley.Core.Config;
using Parley.Core.Storage;
using Parley.Storage.Sqlite;

namespace Parley.Storage;

/// <summary>Config → storage engine. SQLite on <c>[general] dbpath</c> is the embedded default.</summary>
public static class StoreFactory
{
    public static ICommentStore Open(ParleyConfig config) =>
        SqliteCommentStore.Open(config.General.DbPath, config.General.SessionKey);
}
