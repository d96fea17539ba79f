namespace Parley.Core.Events;

/// <summary>A destination's way to say "not now, and not before <see cref="After"/>" (a receiver's <c>Retry-After</c>).</summary>
public sealed class RetryLaterException(string message, TimeSpan? after) : Exception(message)
{
    public TimeSpan? After { get; } = after;
}
