using Dapper;
using Parley.Core.Events;

namespace Parley.Storage;

/// <summary>
/// <see cref="IDestinationLog"/> on either engine (<c>parley_destinations</c>, <c>parley_deliveries</c>): the SQL is
/// the same on both. Leases are compared against the caller's clock, so instances need clocks that roughly agree.
/// </summary>
internal sealed class DestinationLog(IStoreConnections store) : IDestinationLog
{
    private const string Columns = "destination, holder, held_until AS HeldUntil, failures, retry_at AS RetryAt, disabled, reason";
    private const int LongestResult = 500;

    public Task<DestinationState> HoldAsync(string destination, string holder, double now, double until, CancellationToken ct = default)
    {
        const string take = """
            INSERT INTO parley_destinations (destination, holder, held_until) VALUES (@destination, @holder, @until)
            ON CONFLICT (destination) DO UPDATE SET holder = excluded.holder, held_until = excluded.held_until
            WHERE parley_destinations.holder IS NULL OR parley_destinations.holder = excluded.holder
               OR parley_destinations.held_until IS NULL OR parley_destinations.held_until <= @now
            """;
        const string read = $"SELECT {Columns} FROM parley_destinations WHERE destination = @destination";
        return store.WriteAsync(async c =>
        {
            await c.ExecuteAsync(new CommandDefinition(take, new { destination, holder, until, now }, cancellationToken: ct));
            var row = await c.QuerySingleAsync<Row>(new CommandDefinition(read, new { destination }, cancellationToken: ct));
            return row.ToState(row.Holder == holder);
        }, ct);
    }

    // The time stays: it tells how long ago anyone delivered for the destination (see the event logs' trimming).
    public Task ReleaseAsync(string destination, string holder, double now, CancellationToken ct = default) =>
        store.WriteAsync(c => c.ExecuteAsync(new CommandDefinition(
            "UPDATE parley_destinations SET held_until = @now WHERE destination = @destination AND holder = @holder",
            new { destination, holder, now }, cancellationToken: ct)), ct);

    public Task SetAsync(string destination, int failures, double? retryAt, double? disabled, string? reason, CancellationToken ct = default)
    {
        const string sql = """
            INSERT INTO parley_destinations (destination, failures, retry_at, disabled, reason)
            VALUES (@destination, @failures, @retryAt, @disabled, @reason)
            ON CONFLICT (destination) DO UPDATE SET failures = excluded.failures, retry_at = excluded.retry_at,
              disabled = excluded.disabled, reason = excluded.reason
            """;
        return store.WriteAsync(c => c.ExecuteAsync(new CommandDefinition(sql,
            new { destination, failures = (long)failures, retryAt, disabled, reason }, cancellationToken: ct)), ct);
    }

    public Task<IReadOnlyList<DestinationState>> ListAsync(CancellationToken ct = default) =>
        store.ReadAsync<IReadOnlyList<DestinationState>>(async c =>
            [.. (await c.QueryAsync<Row>(new CommandDefinition($"SELECT {Columns} FROM parley_destinations ORDER BY destination",
                cancellationToken: ct))).Select(r => r.ToState(false))], ct);

    public Task RecordAsync(Delivery delivery, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        const string sql = """
            INSERT INTO parley_deliveries (destination, seq, event_id, type, at, ok, result, attempt)
            VALUES (@Destination, @Seq, @EventId, @Type, @At, @Ok, @Result, @Attempt)
            """;
        const string trim = """
            DELETE FROM parley_deliveries WHERE destination = @Destination AND id <= (
              SELECT id FROM parley_deliveries WHERE destination = @Destination ORDER BY id DESC LIMIT 1 OFFSET @Kept)
            """;
        var result = delivery.Result.Length > LongestResult ? delivery.Result[..LongestResult] : delivery.Result;
        return store.WriteAsync(async c =>
        {
            await c.ExecuteAsync(new CommandDefinition(sql, new
            {
                delivery.Destination, delivery.Seq, delivery.EventId, delivery.Type, delivery.At, delivery.Ok, Result = result,
                Attempt = (long)delivery.Attempt,
            }, cancellationToken: ct));
            return await c.ExecuteAsync(new CommandDefinition(trim, new { delivery.Destination, Kept = (long)IDestinationLog.Kept }, cancellationToken: ct));
        }, ct);
    }

    public Task<IReadOnlyList<Delivery>> DeliveriesAsync(string destination, CancellationToken ct = default)
    {
        const string sql = """
            SELECT destination, seq, event_id AS EventId, type, at, ok, result, attempt FROM parley_deliveries
            WHERE destination = @destination ORDER BY id DESC LIMIT @Kept
            """;
        return store.ReadAsync<IReadOnlyList<Delivery>>(async c =>
            [.. (await c.QueryAsync<DeliveryRow>(new CommandDefinition(sql, new { destination, Kept = (long)IDestinationLog.Kept },
                cancellationToken: ct))).Select(r => new Delivery(r.Destination, r.Seq, r.EventId, r.Type, r.At, r.Ok, r.Result, (int)r.Attempt))], ct);
    }

    // Settable properties let the mapper convert each engine's column types.
    private sealed class Row
    {
        public string Destination { get; set; } = "";
        public string? Holder { get; set; }
        public double? HeldUntil { get; set; }
        public long Failures { get; set; }
        public double? RetryAt { get; set; }
        public double? Disabled { get; set; }
        public string? Reason { get; set; }

        public DestinationState ToState(bool held) => new(Destination, held, (int)Failures, RetryAt, Disabled, Reason);
    }

    private sealed class DeliveryRow
    {
        public string Destination { get; set; } = "";
        public long Seq { get; set; }
        public string EventId { get; set; } = "";
        public string Type { get; set; } = "";
        public double At { get; set; }
        public bool Ok { get; set; }
        public string Result { get; set; } = "";
        public long Attempt { get; set; }
    }
}
