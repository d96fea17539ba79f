using Parley.Core.Spam;

namespace Parley.Storage.Tests;

/// <summary>Bans: set once per value (a second ban changes the action), found for an address or an e-mail, refusing first.</summary>
public abstract partial class StoreContract
{
    private Task<T> InWriteAsync<T>(Func<Core.Storage.IWriteScope, Task<T>> write) => Store.WriteAsync(write);

    [SkippableFact]
    public async Task BansAreFoundByAddressOrEmailRefusingFirstChangedInPlaceAndLifted()
    {
        var range = await InWriteAsync(tx => tx.AddBanAsync(Ban.Address, "203.0.113.0", Ban.Hold, 100));
        var mail = await InWriteAsync(tx => tx.AddBanAsync(Ban.Email, "spam@example.org", Ban.Refuse, 101));
        Assert.Equal(new Ban(range.Id, Ban.Address, "203.0.113.0", Ban.Hold, 100), range);

        Assert.Equal(range, await InWriteAsync(tx => tx.BanForAsync("203.0.113.0", "reader@example.org")));
        Assert.Equal(mail, await InWriteAsync(tx => tx.BanForAsync("203.0.113.0", "spam@example.org")));
        Assert.Null(await InWriteAsync(tx => tx.BanForAsync("198.51.100.0", null)));

        var changed = await InWriteAsync(tx => tx.AddBanAsync(Ban.Address, "203.0.113.0", Ban.Refuse, 200));
        Assert.Equal(range with { Action = Ban.Refuse }, changed);
        Assert.Equal([mail.Id, range.Id], (await Store.BansAsync()).Select(b => b.Id));

        Assert.True(await InWriteAsync(tx => tx.RemoveBanAsync(range.Id)));
        Assert.False(await InWriteAsync(tx => tx.RemoveBanAsync(range.Id)));
        Assert.Equal([mail], await Store.BansAsync());
    }
}
