using Parley.Http.Live;

namespace Parley.Api.Tests.Events;

public sealed class LiveFramesTests
{
    [Fact]
    public async Task AnEventsDataIsMadeOnceForEveryStreamAndAFailureIsTriedAgain()
    {
        var frames = new LiveFrames();
        var made = 0;
        var release = new TaskCompletionSource();
        async Task<string?> Make()
        {
            Interlocked.Increment(ref made);
            await release.Task;
            return "data";
        }
        var asking = Enumerable.Range(0, 20).Select(_ => frames.GetAsync(7, Make)).ToList();
        release.SetResult();
        Assert.All(await Task.WhenAll(asking), data => Assert.Equal("data", data));
        Assert.Equal(1, made);

        await Assert.ThrowsAsync<InvalidOperationException>(() => frames.GetAsync(8, () => throw new InvalidOperationException("down")));
        Assert.Equal("again", await frames.GetAsync(8, () => Task.FromResult<string?>("again")));
    }
}
