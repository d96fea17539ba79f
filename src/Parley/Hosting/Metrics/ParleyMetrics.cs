using System.Diagnostics.Metrics;

namespace Parley.Hosting.Metrics;

/// <summary>
/// What Parley counts about itself, on a meter of this app's own (<see cref="IMeterFactory"/>), so two apps in one process
/// never mix their numbers. <see cref="MetricsCollector"/> turns them into <c>GET /metrics</c>.
/// </summary>
internal sealed class ParleyMetrics
{
    public const string MeterName = "Parley";

    private readonly Counter<long> _commentsCreated;
    private readonly Counter<long> _deliveriesFailed;
    private readonly Counter<long> _cacheLookups;
    private readonly Counter<long> _databaseErrors;

    public ParleyMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _commentsCreated = meter.CreateCounter<long>("parley.comments.created");
        _deliveriesFailed = meter.CreateCounter<long>("parley.deliveries.failed");
        _cacheLookups = meter.CreateCounter<long>("parley.cache.lookups");
        _databaseErrors = meter.CreateCounter<long>("parley.database.errors");
    }

    public void CommentCreated() => _commentsCreated.Add(1);

    public void DeliveryFailed(string destination) => _deliveriesFailed.Add(1, new KeyValuePair<string, object?>("destination", destination));

    public void CacheLookup(bool hit) => _cacheLookups.Add(1, new KeyValuePair<string, object?>("result", hit ? "hit" : "miss"));

    public void DatabaseError() => _databaseErrors.Add(1);
}
