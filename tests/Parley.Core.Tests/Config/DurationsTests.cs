using Parley.Core.Config;

namespace Parley.Core.Tests.Config;

public class DurationsTests
{
    [Theory]
    [InlineData("15", 15)]
    [InlineData("0", 0)]
    [InlineData("-5", -5)]
    [InlineData(" 42 ", 42)]
    [InlineData("1_000", 1000)]
    [InlineData("15m", 900)]
    [InlineData("1h30m", 5400)]
    [InlineData("3w 12h 57m", 1861020)]
    [InlineData("1h30m37s", 5437)]
    [InlineData("30d", 2592000)]
    [InlineData("2w", 1209600)]
    [InlineData("30m1h", 1800)]
    [InlineData("1hgarbage", 3600)]
    [InlineData("1h 30m", 5400)]
    public void ValidValuesGiveSeconds(string text, int seconds)
    {
        Assert.True(Durations.TryParse(text, out var parsed));
        Assert.Equal(seconds, parsed);
    }

    [Theory]
    [InlineData("0m")]
    [InlineData("15 m")]
    [InlineData("abc")]
    [InlineData("")]
    [InlineData("1y")]
    [InlineData("1.5")]
    [InlineData("--1")]
    [InlineData("1__0")]
    [InlineData("99999999999")]
    [InlineData("9999999w")]
    public void InvalidValuesAreRejected(string text)
    {
        Assert.False(Durations.TryParse(text, out _));
    }
}
