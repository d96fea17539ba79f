using System.Globalization;
using Parley.Core.Config;
using Parley.Core.Events;
using Parley.Core.Events.Webhooks;
using RabbitMQ.Client;

namespace Parley.Hosting;

/// <summary>
/// <c>[amqp]</c>: every event published to a broker as Fedora's messaging does (spec/events.md §3, §4): to the topic
/// exchange with routing key <c>&lt;topic-prefix&gt;.parley.&lt;type&gt;</c>, the webhook body, a persistent message whose
/// <c>message_id</c> is the event id, headers <c>parley_schema</c> and <c>sent-at</c>. Each publish waits for the
/// broker's confirm; until it comes the event stays in the log and is tried again (in order, after a back-off) on a
/// new connection, so a broker that is down loses nothing.
/// </summary>
internal sealed class AmqpDestination(AmqpConfig amqp, TimeProvider time, ILogger<AmqpDestination> log) : IEventDestination, IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IConnection? _connection;
    private IChannel? _channel;

    public string Name => "amqp";

    public async Task<string?> DeliverAsync(ChangeEvent change, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(change);
        await _gate.WaitAsync(ct);
        try
        {
            var channel = _channel is { IsOpen: true } open ? open : await ConnectAsync(ct);
            var properties = new BasicProperties
            {
                Persistent = true,
                MessageId = change.Id,
                ContentType = "application/json",
                Timestamp = new AmqpTimestamp(time.GetUtcNow().ToUnixTimeSeconds()),
                Headers = new Dictionary<string, object?>
                {
                    ["parley_schema"] = change.Type + ".v1",
                    ["sent-at"] = time.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
                },
            };
            try
            {
                await channel.BasicPublishAsync(amqp.Exchange, RoutingKey(amqp.TopicPrefix, change.Type), mandatory: false, properties,
                    WebhookBody.Of(change), ct);
                return "published";
            }
            catch
            {
                // Unconfirmed: the next try starts on a fresh connection.
                await CloseAsync();
                throw;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public static string RoutingKey(string prefix, string type) => prefix.Length > 0 ? $"{prefix}.parley.{type}" : $"parley.{type}";

    private async Task<IChannel> ConnectAsync(CancellationToken ct)
    {
        await CloseAsync();
        var factory = new ConnectionFactory { Uri = new Uri(amqp.Url), AutomaticRecoveryEnabled = false, ClientProvidedName = "parley" };
        _connection = await factory.CreateConnectionAsync(ct);
        _channel = await _connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), ct);
        log.LogInformation("Connected to the message broker at {Host}", _connection.Endpoint.HostName);
        return _channel;
    }

    private async Task CloseAsync()
    {
        try
        {
            if (_channel is not null)
            {
                await _channel.DisposeAsync();
            }
            if (_connection is not null)
            {
                await _connection.DisposeAsync();
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A connection that is already broken may not close cleanly; it is dropped either way.
            log.LogDebug(e, "Closing the broker connection failed");
        }
        _channel = null;
        _connection = null;
    }

    public async ValueTask DisposeAsync()
    {
        await CloseAsync();
        _gate.Dispose();
    }
}
