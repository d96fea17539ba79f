namespace Parley.Core.Events;

/// <summary>
/// A question to the event history (spec/events.md §4, in the manner of datagrepper's <c>/raw</c>): newest first,
/// optionally of one type, one thread's uri, created in [<see cref="Since"/>, <see cref="Until"/>) (Unix seconds), and
/// for the next page older than sequence number <see cref="Before"/>.
/// </summary>
public sealed record EventQuery
{
    public const int MostPerPage = 100;

    public string? Type { get; init; }
    public string? Uri { get; init; }
    public double? Since { get; init; }
    public double? Until { get; init; }
    public long? Before { get; init; }
    public int Limit { get; init; } = 20;
}
