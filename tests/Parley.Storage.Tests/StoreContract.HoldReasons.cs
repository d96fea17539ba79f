namespace Parley.Storage.Tests;

/// <summary>Why a spam rule held a comment, kept beside it for the admin panel.</summary>
public abstract partial class StoreContract
{
    [SkippableFact]
    public async Task AHoldReasonIsReadBackForItsCommentOnly()
    {
        var thread = await ThreadAsync();
        var held = await AddAsync(thread, mode: 2);
        var plain = await AddAsync(thread, mode: 2);
        await RecordAsync(held.Id, held.Created, "suspect word: crypto");
        // A reason recorded for another comment that had this id (created at another time) is not this one's.
        await RecordAsync(plain.Id, plain.Created + 1, "3 links (more than 2)");

        var reasons = await Store.HoldReasonsAsync([held.Id, plain.Id, 999]);
        Assert.Equal(new Dictionary<long, string> { [held.Id] = "suspect word: crypto" }, reasons);
        Assert.Empty(await Store.HoldReasonsAsync([]));
    }

    private Task<int> RecordAsync(long id, double created, string reason) => Store.WriteAsync(async tx =>
    {
        await tx.RecordHoldReasonAsync(id, created, reason);
        return 0;
    });
}
