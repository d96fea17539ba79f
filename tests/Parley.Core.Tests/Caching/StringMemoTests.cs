using Parley.Core.Caching;

namespace Parley.Core.Tests.Caching;

public sealed class StringMemoTests
{
    [Fact]
    public void AKnownKeyIsAnsweredWithoutComputingAgain()
    {
        var memo = new StringMemo(100, static (_, _) => 1);
        var calls = 0;
        string Upper(string s)
        {
            calls++;
            return s.ToUpperInvariant();
        }

        Assert.Equal("ABC", memo.GetOrAdd("abc", Upper));
        Assert.Equal("ABC", memo.GetOrAdd("abc", Upper));
        Assert.Equal(1, calls);
    }

    [Fact]
    public void PastTheBudgetItStartsEmptyAndStillAnswersRight()
    {
        // Each entry costs the length of its key and value: three of 4 + 4 fit a budget of 24, a fourth does not.
        var memo = new StringMemo(24, static (key, value) => key.Length + value.Length);
        var calls = 0;
        string Reverse(string s)
        {
            calls++;
            return new string(s.Reverse().ToArray());
        }

        foreach (var key in new[] { "aaab", "bbbc", "cccd" })
        {
            memo.GetOrAdd(key, Reverse);
        }
        Assert.Equal(3, memo.Count);

        Assert.Equal("eddd", memo.GetOrAdd("ddde", Reverse));
        Assert.Equal(1, memo.Count);
        Assert.Equal("baaa", memo.GetOrAdd("aaab", Reverse));
        Assert.Equal(5, calls);
    }
}
