namespace Parley.Core.Config;

/// <summary><c>[events]</c> (Parley): the event log every notification leaves from.</summary>
public sealed record EventsConfig
{
    /// <summary>
    /// <c>retention</c> in seconds (default 90 days): events older than this are deleted once every destination has
    /// handled them.
    /// </summary>
    public int Retention { get; init; } = 90 * 24 * 3600;
}
