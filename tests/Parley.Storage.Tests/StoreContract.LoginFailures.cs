using Parley.Core.Storage;

namespace Parley.Storage.Tests;

public abstract partial class StoreContract
{
    private Task<LoginFailures?> FailuresOfAsync(string address) => Store.WriteAsync(tx => tx.GetLoginFailuresAsync(address));

    private Task<bool> SetFailuresAsync(string address, LoginFailures? failures) => Store.WriteAsync(async tx =>
    {
        await tx.SetLoginFailuresAsync(address, failures);
        return true;
    });

    [SkippableFact]
    public async Task LoginFailuresAreKeptPerAddressReplacedAndForgotten()
    {
        Assert.Null(await FailuresOfAsync("192.0.2.1"));

        await SetFailuresAsync("192.0.2.1", new LoginFailures(1, 100.5, 0));
        await SetFailuresAsync("192.0.2.1", new LoginFailures(5, 160.25, 220.25));
        await SetFailuresAsync("198.51.100.7", new LoginFailures(2, 150, 0));

        Assert.Equal(new LoginFailures(5, 160.25, 220.25), await FailuresOfAsync("192.0.2.1"));
        Assert.Equal(new LoginFailures(2, 150, 0), await FailuresOfAsync("198.51.100.7"));

        await SetFailuresAsync("192.0.2.1", null);

        Assert.Null(await FailuresOfAsync("192.0.2.1"));
        Assert.NotNull(await FailuresOfAsync("198.51.100.7"));
    }

    [SkippableFact]
    public async Task ForgettingKeepsRecentFailuresAndRunningLockouts()
    {
        await SetFailuresAsync("quiet", new LoginFailures(2, 100, 0));
        await SetFailuresAsync("recent", new LoginFailures(2, 900, 0));
        await SetFailuresAsync("locked", new LoginFailures(7, 100, 2000));

        await Store.WriteAsync(async tx =>
        {
            await tx.ForgetLoginFailuresAsync(lastBefore: 500, now: 1000);
            return true;
        });

        Assert.Null(await FailuresOfAsync("quiet"));
        Assert.NotNull(await FailuresOfAsync("recent"));
        Assert.NotNull(await FailuresOfAsync("locked"));
    }
}
