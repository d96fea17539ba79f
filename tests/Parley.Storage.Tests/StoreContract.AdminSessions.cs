namespace Parley.Storage.Tests;

public abstract partial class StoreContract
{
    private const double Now = 1_800_000_000;

    [SkippableFact]
    public async Task AnAdminSessionIsOpenUntilItExpires()
    {
        Assert.True(await Store.OpenAdminSessionAsync("a", null, expires: Now + 100, now: Now));

        Assert.True(await Store.IsAdminSessionOpenAsync("a", Now + 99));
        Assert.False(await Store.IsAdminSessionOpenAsync("a", Now + 100));
        Assert.False(await Store.IsAdminSessionOpenAsync("b", Now));
    }

    [SkippableFact]
    public async Task EndingAnAdminSessionLeavesTheOthersOpen()
    {
        await Store.OpenAdminSessionAsync("a", null, Now + 100, Now);
        await Store.OpenAdminSessionAsync("b", null, Now + 100, Now);

        await Store.EndAdminSessionAsync("a");

        Assert.False(await Store.IsAdminSessionOpenAsync("a", Now));
        Assert.True(await Store.IsAdminSessionOpenAsync("b", Now));
    }

    [SkippableFact]
    public async Task RecordingAnotherAdminPasswordEndsEverySession()
    {
        Assert.True(await Store.RecordAdminPasswordAsync("first"));
        await Store.OpenAdminSessionAsync("a", "first", Now + 100, Now);
        await Store.OpenAdminSessionAsync("b", "first", Now + 100, Now);

        Assert.True(await Store.RecordAdminPasswordAsync("second"));

        Assert.False(await Store.IsAdminSessionOpenAsync("a", Now));
        Assert.False(await Store.IsAdminSessionOpenAsync("b", Now));
    }

    [SkippableFact]
    public async Task RecordingTheSameAdminPasswordAgainKeepsTheSessions()
    {
        await Store.RecordAdminPasswordAsync("first");
        await Store.OpenAdminSessionAsync("a", "first", Now + 100, Now);

        Assert.False(await Store.RecordAdminPasswordAsync("first"));

        Assert.True(await Store.IsAdminSessionOpenAsync("a", Now));
    }

    [SkippableFact]
    public async Task NoSessionOpensUnderAPasswordThatIsNoLongerTheRecordedOne()
    {
        await Store.RecordAdminPasswordAsync("first");
        await Store.RecordAdminPasswordAsync("second");

        Assert.False(await Store.IsAdminPasswordCurrentAsync("first"));
        Assert.True(await Store.IsAdminPasswordCurrentAsync("second"));
        Assert.False(await Store.OpenAdminSessionAsync("a", "first", Now + 100, Now));
        Assert.False(await Store.OpenAdminSessionAsync("b", null, Now + 100, Now));
        Assert.False(await Store.IsAdminSessionOpenAsync("a", Now));
        Assert.True(await Store.OpenAdminSessionAsync("c", "second", Now + 100, Now));
    }

    [SkippableFact]
    public async Task APlainTextPasswordRecordsNoFingerprintAndEndsSessionsOfAHashedOne()
    {
        Assert.False(await Store.RecordAdminPasswordAsync(null));
        Assert.True(await Store.IsAdminPasswordCurrentAsync(null));
        await Store.RecordAdminPasswordAsync("hashed");
        await Store.OpenAdminSessionAsync("a", "hashed", Now + 100, Now);

        Assert.True(await Store.RecordAdminPasswordAsync(null));

        Assert.False(await Store.IsAdminSessionOpenAsync("a", Now));
        Assert.True(await Store.OpenAdminSessionAsync("b", null, Now + 100, Now));
    }

    [SkippableFact]
    public async Task OpeningASessionDropsExpiredOnes()
    {
        await Store.OpenAdminSessionAsync("old", null, Now + 10, Now);

        await Store.OpenAdminSessionAsync("new", null, Now + 200, Now + 100);

        // Still not open, whatever clock asks: the row itself is gone.
        Assert.False(await Store.IsAdminSessionOpenAsync("old", Now));
        Assert.True(await Store.IsAdminSessionOpenAsync("new", Now + 100));
    }
}
