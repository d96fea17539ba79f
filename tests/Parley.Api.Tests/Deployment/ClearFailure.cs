using Parley.Api.Tests.Support;

namespace Parley.Api.Tests.Deployment;

/// <summary>What every failing command must look like: exit 1, a few lines naming the fix, no stack trace.</summary>
internal static class ClearFailure
{
    public static void Assert(CliResult result, params string[] words)
    {
        Xunit.Assert.True(result.ExitCode == 1, result.ToString());
        var printed = result.Output + result.Error;
        var lines = printed.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Xunit.Assert.True(lines.Length is > 0 and <= 3, $"expected one to three lines:\n{printed}");
        Xunit.Assert.DoesNotContain("   at ", printed, StringComparison.Ordinal);
        Xunit.Assert.DoesNotContain("Exception", printed, StringComparison.Ordinal);
        foreach (var word in words)
        {
            Xunit.Assert.Contains(word, printed, StringComparison.Ordinal);
        }
    }
}
