using Microsoft.Extensions.Logging;

namespace Parley.Core.Events;

/// <summary>
/// Hands each event to every destination in turn. A destination that fails is logged and skipped: the
/// comment is already stored, and one broken destination must neither fail the request nor starve the others.
/// </summary>
public sealed class EventFanout(IEnumerable<IEventDestination> destinations, ILogger<EventFanout> logger)
{
    private readonly IEventDestination[] _destinations = [.. destinations];

    public async Task PublishAsync(CommentEvent comment, CancellationToken ct)
    {
        foreach (var destination in _destinations)
        {
            try
            {
                await destination.HandleAsync(comment, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "{Destination} failed on {Kind} of comment {Id}", destination.GetType().Name, comment.Kind, comment.Comment.Id);
            }
        }
    }
}
