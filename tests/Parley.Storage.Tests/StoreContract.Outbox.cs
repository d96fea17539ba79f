using System.Text;
using Parley.Core.Email;

namespace Parley.Storage.Tests;

/// <summary>
/// The mail outbox shared by several senders: a claim keeps the others off a mail for its lease, and a sender whose claim
/// lapsed cannot touch the mail queued after the one it claimed, even where that mail was given the same id; retrying
/// every waiting mail at once does not free a claimed one.
/// </summary>
public abstract partial class StoreContract
{
    private const double Lease = 20;

    private static OutgoingMail Mail(string text) => new("parley@example.org", "owner@example.org", Encoding.UTF8.GetBytes(text), null);

    [SkippableFact]
    public async Task AClaimKeepsOtherSendersOffAMailUntilItsLeaseRunsOut()
    {
        await Store.Outbox.EnqueueAsync([Mail("one")], 100);

        var first = Assert.Single(await Store.Outbox.ClaimDueAsync(100, 10, Lease));
        Assert.Empty(await Store.Outbox.ClaimDueAsync(100 + Lease - 1, 10, Lease));
        var lapsed = Assert.Single(await Store.Outbox.ClaimDueAsync(100 + Lease, 10, Lease));
        Assert.Equal((first.Id, "one"), (lapsed.Id, Encoding.UTF8.GetString(lapsed.Message)));
    }

    [SkippableFact]
    public async Task ASenderWhoseClaimLapsedLeavesTheNextMailAlone()
    {
        await Store.Outbox.EnqueueAsync([Mail("first")], 100);
        var late = Assert.Single(await Store.Outbox.ClaimDueAsync(100, 10, Lease));
        // The lease runs out; another sender claims the mail, sends it and removes it; then a second mail is queued.
        var other = Assert.Single(await Store.Outbox.ClaimDueAsync(130, 10, Lease));
        await Store.Outbox.SentAsync(other);
        await Store.Outbox.EnqueueAsync([Mail("second")], 140);

        // The first sender finishes: whatever it records is about the first mail, which is gone.
        await Store.Outbox.SentAsync(late);
        await Store.Outbox.FailedAsync(late, 1000, "late");
        await Store.Outbox.ReleaseAsync([late], 1000);

        var next = Assert.Single(await Store.Outbox.ClaimDueAsync(140, 10, Lease));
        Assert.Equal(("second", 0L), (Encoding.UTF8.GetString(next.Message), next.Attempts));
    }

    [SkippableFact]
    public async Task RetryingEveryWaitingMailNowLeavesOneAnotherSenderHasClaimed()
    {
        await Store.Outbox.EnqueueAsync([Mail("soon"), Mail("later")], 100);
        var failed = await Store.Outbox.ClaimDueAsync(100, 10, Lease);
        await Store.Outbox.FailedAsync(failed.Single(m => Encoding.UTF8.GetString(m.Message) == "soon"), 150, "down");
        await Store.Outbox.FailedAsync(failed.Single(m => Encoding.UTF8.GetString(m.Message) == "later"), 1000, "down");
        // One sender tries the first mail again; meanwhile another reaches the mail server and retries every waiting mail.
        Assert.Equal("soon", Encoding.UTF8.GetString(Assert.Single(await Store.Outbox.ClaimDueAsync(150, 10, Lease)).Message));
        await Store.Outbox.RetryNowAsync(155, Lease);

        var retried = Assert.Single(await Store.Outbox.ClaimDueAsync(155, 10, Lease));
        Assert.Equal("later", Encoding.UTF8.GetString(retried.Message));
    }
}
