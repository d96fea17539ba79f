namespace Parley.Api.Tests.Support;

/// <summary>
/// A clock the test moves by hand. A running clock also moves with real time, for tests where the app waits
/// on its own timers (mail back-off) while the test still jumps ahead by hand.
/// </summary>
public sealed class ManualClock(DateTimeOffset now, bool running = false) : TimeProvider
{
    private readonly long _started = System.GetTimestamp();

    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => running ? Now + System.GetElapsedTime(_started) : Now;

    public void Advance(TimeSpan by) => Now += by;
}
