using System.Diagnostics;
using Parley.Api.Tests.Support;
using Parley.Core.Events;
using Xunit.Abstractions;

namespace Parley.Api.Tests.Events;

/// <summary>
/// A destination that throws and one that hangs: requests are answered without waiting for either, the failing one
/// is tried again with back-off, and the mail destination beside them delivers every mail.
/// </summary>
public sealed class BrokenDestinationTests(ITestOutputHelper output)
{
    [Fact]
    public async Task RequestsAndMailGoOnWhileOneDestinationThrowsAndAnotherHangs()
    {
        const int comments = 30;
        await using (var reference = await SmtpServer.StartAsync())
        await using (var healthy = await MailSetup.StartAppAsync(reference))
        {
            // The first round pays for compiling the write path; the second is the reference.
            await PostAsync(healthy, comments);
            output.WriteLine($"with healthy destinations: {await PostAsync(healthy, comments)} ms for {comments} comments");
        }

        var throwing = new ThrowingDestination();
        var hanging = new HangingDestination();
        await using var smtp = await SmtpServer.StartAsync();
        await using var app = await MailSetup.StartAppAsync(smtp, destinations: [throwing, hanging]);
        output.WriteLine($"with a throwing and a hanging one: {await PostAsync(app, comments)} ms for {comments} comments");

        // Every request was answered while the hanging destination still held its first event.
        Assert.Equal(1, hanging.Calls);
        Assert.False(hanging.Released);

        var mails = await smtp.WaitForMailsAsync(comments, MailSetup.Patience);
        Assert.Equal(Enumerable.Range(0, comments).Select(i => $"comment number {i}").Order(),
            mails.Select(m => m.Body.Split('\n')[2].Trim()).Order());

        // The throwing destination is tried again after a back-off, on the same (first) event, never skipping it.
        await throwing.WaitForCallsAsync(2, MailSetup.Patience);
        Assert.All(throwing.Seen, seq => Assert.Equal(throwing.Seen[0], seq));
        Assert.True(throwing.Gap >= TimeSpan.FromMilliseconds(900), $"retried after {throwing.Gap}");
        Assert.True(app.Logs.Lines.Any(l => l.Contains("throws failed on event", StringComparison.Ordinal)), string.Join('\n', app.Logs.Lines));
        hanging.Release();
    }

    private static async Task<long> PostAsync(TestApp app, int comments)
    {
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < comments; i++)
        {
            await app.PostCommentAsync("/post/", $"comment number {i}", "Ann");
        }
        return watch.ElapsedMilliseconds;
    }

    private sealed class ThrowingDestination : IEventDestination
    {
        private readonly Lock _lock = new();
        private readonly List<long> _seen = [];
        private readonly List<DateTimeOffset> _at = [];

        public string Name => "throws";

        public IReadOnlyList<long> Seen
        {
            get
            {
                lock (_lock)
                {
                    return [.. _seen];
                }
            }
        }

        public TimeSpan Gap
        {
            get
            {
                lock (_lock)
                {
                    return _at[1] - _at[0];
                }
            }
        }

        public Task<string?> DeliverAsync(ChangeEvent change, CancellationToken ct)
        {
            lock (_lock)
            {
                _seen.Add(change.Seq);
                _at.Add(TimeProvider.System.GetUtcNow());
            }
            throw new InvalidOperationException("the receiver is broken");
        }

        public async Task WaitForCallsAsync(int calls, TimeSpan patience)
        {
            using var timeout = new CancellationTokenSource(patience);
            while (Seen.Count < calls)
            {
                await Task.Delay(50, timeout.Token);
            }
        }
    }

    // Ignores its cancellation token on purpose: the worst a destination can do.
    private sealed class HangingDestination : IEventDestination
    {
        private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _calls;

        public string Name => "hangs";
        public int Calls => Volatile.Read(ref _calls);
        public bool Released => _release.Task.IsCompleted;

        public async Task<string?> DeliverAsync(ChangeEvent change, CancellationToken ct)
        {
            Interlocked.Increment(ref _calls);
            await _release.Task;
            return "released";
        }

        public void Release() => _release.TrySetResult();
    }
}
