using Parley.Core.Storage;
using Parley.Storage.Sqlite;
using Parley.Storage.Tests.Support;

namespace Parley.Storage.Tests.Sqlite;

public sealed class SqliteStoreTests : StoreContract
{
    private readonly TempDatabase _database = new();

    protected override ICommentStore OpenStore() => SqliteCommentStore.Open(_database.Path);

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _database.Dispose();
        }
    }
}
