namespace Parley.Core.Events;

/// <summary>
/// Something outside the database that hears about comment changes: e-mail, the log, later webhooks and
/// live updates. Called after the change is stored; it must only record or queue work (the request waits
/// for it), never deliver over the network itself.
/// </summary>
public interface IEventDestination
{
    Task HandleAsync(CommentEvent comment, CancellationToken ct);
}
