using Parley.Core.Email;

namespace Parley.Core.Tests.Email;

public sealed class MailRetryTests
{
    private static readonly MailRetry Retry = new();
    private static readonly DateTimeOffset Queued = new(2026, 11, 21, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(1, 30)]
    [InlineData(2, 60)]
    [InlineData(3, 120)]
    [InlineData(6, 960)]
    [InlineData(7, 1800)]
    [InlineData(1000, 1800)]
    public void WaitDoublesFromThirtySecondsUpToHalfAnHour(int failures, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), Retry.After(failures));

    [Fact]
    public void ARefusedMailIsGivenUpAfterThreeTriesAServerOutageOnlyAfterSevenDays()
    {
        Assert.False(Retry.GivesUp(permanent: true, 2, Queued, Queued.AddMinutes(1)));
        Assert.True(Retry.GivesUp(permanent: true, 3, Queued, Queued.AddMinutes(2)));
        Assert.False(Retry.GivesUp(permanent: false, 500, Queued, Queued.AddDays(6.9)));
        Assert.True(Retry.GivesUp(permanent: false, 1, Queued, Queued.AddDays(7)));
    }
}
