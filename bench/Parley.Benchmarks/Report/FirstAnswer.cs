namespace Parley.Benchmarks.Report;

/// <summary>
/// The first request of one kind a freshly started Parley answers: when its answer arrived, counted from the
/// process start, and how long that one request took (both in milliseconds).
/// </summary>
internal sealed record FirstAnswer(string Request, double SinceStartMs, double RequestMs)
{
    /// <summary>Reported, but not one of the answers the 50 ms target is about (a busy thread's first fetch).</summary>
    public bool Apart { get; init; }
}
