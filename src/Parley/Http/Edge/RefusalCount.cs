namespace Parley.Http.Edge;

/// <summary>
/// Refused requests counted for the log: at most one line a minute however many fail, each saying how many were refused
/// since the line before.
/// </summary>
internal sealed class RefusalCount(TimeProvider time)
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    private readonly Lock _lock = new();
    private DateTimeOffset? _lastLine;
    private int _refused;

    /// <summary>Counts one refusal; answers the number to log when a line is due now, null when one was logged within the minute.</summary>
    public int? Add()
    {
        lock (_lock)
        {
            _refused++;
            var now = time.GetUtcNow();
            if (_lastLine is { } last && now - last < Interval)
            {
                return null;
            }
            _lastLine = now;
            var refused = _refused;
            _refused = 0;
            return refused;
        }
    }
}
