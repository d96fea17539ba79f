using Parley.Core.Comments;
using Parley.Core.Storage;
using Parley.Storage.Tests.Support;

namespace Parley.Storage.Tests;

/// <summary>
/// What every <see cref="ICommentStore"/> engine must do, written once. Each test gets a fresh, empty store.
/// </summary>
public abstract partial class StoreContract : IDisposable
{
    private ICommentStore? _store;

    protected ICommentStore Store => _store ??= OpenStore();

    protected abstract ICommentStore OpenStore();

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _store?.Dispose();
        }
    }

    protected async Task<CommentThread> ThreadAsync(string uri = "/a", string? title = "A") =>
        await Store.CreateThreadAsync(uri, title);

    protected Task<Comment> AddAsync(
        CommentThread thread, long? parent = null, double created = Sample.T0, int mode = CommentMode.Published) =>
        Store.InsertCommentAsync(Sample.Comment(thread.Id, parent, created, mode));

    protected static long[] Ids(IEnumerable<Comment> comments) => comments.Select(c => c.Id).ToArray();
}
