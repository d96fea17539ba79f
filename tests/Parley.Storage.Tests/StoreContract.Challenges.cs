namespace Parley.Storage.Tests;

/// <summary>Proof-of-work challenges are spent once, in the comment's transaction, and forgotten once expired.</summary>
public abstract partial class StoreContract
{
    private Task<bool> SpendAsync(string challenge, double expires, double now) =>
        Store.WriteAsync(tx => tx.SpendChallengeAsync(challenge, expires, now));

    [SkippableFact]
    public async Task AChallengeIsSpentOnceAndForgottenAfterItExpires()
    {
        Assert.True(await SpendAsync("aa", expires: 200, now: 100));
        Assert.True(await SpendAsync("bb", expires: 500, now: 100));
        Assert.False(await SpendAsync("aa", expires: 200, now: 150));
        // Past its expiry it is forgotten (it would be refused as expired before reaching here); others stay spent.
        Assert.True(await SpendAsync("aa", expires: 900, now: 300));
        Assert.False(await SpendAsync("bb", expires: 500, now: 300));
    }

    [SkippableFact]
    public async Task ConcurrentSpendsOfOneChallengeLetExactlyOneThrough()
    {
        var spends = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => SpendAsync("cc", expires: 1000, now: 1)));
        Assert.Equal(1, spends.Count(s => s));
    }

    [SkippableFact]
    public async Task ASpendInATransactionThatFailsIsNotKept()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => Store.WriteAsync<bool>(async tx =>
        {
            Assert.True(await tx.SpendChallengeAsync("dd", 1000, 1));
            throw new InvalidOperationException("the comment is refused after all");
        }));
        Assert.True(await SpendAsync("dd", expires: 1000, now: 1));
    }
}
