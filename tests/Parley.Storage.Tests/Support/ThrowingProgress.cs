namespace Parley.Storage.Tests.Support;

/// <summary>Fails the import once <paramref name="after"/> comments are stored: a failure midway, on demand.</summary>
public sealed class ThrowingProgress(int after) : IProgress<int>
{
    public void Report(int value)
    {
        if (value >= after)
        {
            throw new InvalidOperationException($"stopped after {value} comments");
        }
    }
}
