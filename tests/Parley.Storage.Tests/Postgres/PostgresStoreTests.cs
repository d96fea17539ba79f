using Parley.Core.Storage;
using Parley.Storage.Postgres;
using Parley.Tests.Shared;

namespace Parley.Storage.Tests.Postgres;

/// <summary>The store contract on a real PostgreSQL server, a database of its own per test.</summary>
public sealed class PostgresStoreTests : StoreContract
{
    private TestDatabase? _database;

    protected override ICommentStore OpenStore()
    {
        TestPostgres.Require();
        _database ??= TestPostgres.CreateDatabase();
        return PostgresCommentStore.OpenAsync(_database.Url).GetAwaiter().GetResult();
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _database?.Dispose();
        }
    }
}
