using System.Text;
using Parley.Api.Tests.Support;
using Parley.Core.Email;
using RabbitMQ.Client;

namespace Parley.Api.Tests.Events;

/// <summary>
/// The AMQP publisher against a real RabbitMQ broker. One class: the broker is paused in one test, which the others
/// must not meet.
/// </summary>
public sealed class AmqpTests
{
    private sealed record Message(string RoutingKey, IReadOnlyBasicProperties Properties, string Body);

    [SkippableFact]
    public async Task AQueueBoundToThePrefixGetsEveryEventWithItsRoutingKeyPropertiesAndBody()
    {
        var url = TestBroker.Require();
        var prefix = "org.example.t" + Guid.NewGuid().ToString("n")[..8];
        await using var queue = await BoundQueue.DeclareAsync(url, prefix + ".parley.#");
        await using var app = await StartAsync(url, prefix);

        var created = await app.CommentAsync("/post/", "Hello *bus*");
        (await app.PostAsync($"/id/{created.Id}/like", "{}", ip: "203.0.113.9")).Dispose();
        (await app.SendAsync(HttpMethod.Delete, $"/id/{created.Id}", cookie: created.Cookie)).Dispose();

        var messages = await queue.TakeAsync(4);
        string[] types = ["thread.created", "comment.created", "comment.voted", "comment.deleted"];
        Assert.Equal(types.Select(t => $"{prefix}.parley.{t}"),
            messages.Select(m => m.RoutingKey));
        var events = await app.Store.Events.ReadAsync(0, 100);
        for (var i = 0; i < 4; i++)
        {
            var (message, change) = (messages[i], events[i]);
            Assert.Equal(change.Id, message.Properties.MessageId);
            Assert.Equal(DeliveryModes.Persistent, message.Properties.DeliveryMode);
            Assert.Equal("application/json", message.Properties.ContentType);
            Assert.Equal(change.Type + ".v1", Encoding.UTF8.GetString((byte[])message.Properties.Headers!["parley_schema"]!));
            Assert.True(message.Properties.Headers.ContainsKey("sent-at"));
            Assert.Equal(Encoding.UTF8.GetString(Parley.Core.Events.Webhooks.WebhookBody.Of(change)), message.Body);
        }
        Assert.Contains("\"text\":\"Hello *bus*\"", messages[1].Body, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task WhileTheBrokerIsDownEventsWaitAndArriveInOrderWhenItIsBack()
    {
        var url = TestBroker.Require();
        var prefix = "org.example.t" + Guid.NewGuid().ToString("n")[..8];
        await using var app = await StartAsync(url, prefix);
        var queueName = await BoundQueue.DeclareDurableAsync(url, prefix + ".parley.comment.created");
        await app.CommentAsync("/post/", "Before the outage");
        await using (var before = await BoundQueue.OpenAsync(url, queueName))
        {
            Assert.Contains("Before the outage", Assert.Single(await before.TakeAsync(1)).Body, StringComparison.Ordinal);
        }

        await TestBroker.PauseAsync();
        try
        {
            for (var i = 1; i <= 3; i++)
            {
                await app.CommentAsync("/post/", $"During the outage {i}");
            }
            await app.Logs.WaitForAsync("amqp failed on event");
        }
        finally
        {
            await TestBroker.ResumeAsync();
        }

        await using var after = await BoundQueue.OpenAsync(url, queueName);
        var messages = await after.TakeAsync(3, TimeSpan.FromSeconds(60));
        Assert.Equal(["During the outage 1", "During the outage 2", "During the outage 3"],
            messages.Select(m => System.Text.Json.JsonDocument.Parse(m.Body).RootElement.GetProperty("comment").GetProperty("text").GetString()));
        Assert.Empty(await after.TakeAsync(0, TimeSpan.FromSeconds(1), more: true));
        await after.DeleteAsync();
    }

    private static Task<TestApp> StartAsync(string url, string prefix) => TestApp.StartFromFileAsync(db => $"""
        [general]
        dbpath = {db}
        host = https://example.tld/
        [guard]
        enabled = false
        [amqp]
        url = {url}
        topic-prefix = {prefix}
        """, mailRetry: new MailRetry());

    /// <summary>A queue of the test's on amq.topic, read with basic.get.</summary>
    private sealed class BoundQueue(IConnection connection, IChannel channel, string name) : IAsyncDisposable
    {
        public static async Task<BoundQueue> DeclareAsync(string url, string binding)
        {
            var name = await DeclareDurableAsync(url, binding);
            return await OpenAsync(url, name);
        }

        // Durable and not exclusive: it outlives the test's own connection while the broker is paused.
        public static async Task<string> DeclareDurableAsync(string url, string binding)
        {
            await using var connection = await new ConnectionFactory { Uri = new Uri(url) }.CreateConnectionAsync();
            await using var channel = await connection.CreateChannelAsync();
            var name = "parley-test-" + Guid.NewGuid().ToString("n");
            await channel.QueueDeclareAsync(name, durable: true, exclusive: false, autoDelete: false);
            await channel.QueueBindAsync(name, "amq.topic", binding);
            return name;
        }

        public static async Task<BoundQueue> OpenAsync(string url, string name)
        {
            var connection = await new ConnectionFactory { Uri = new Uri(url) }.CreateConnectionAsync();
            return new BoundQueue(connection, await connection.CreateChannelAsync(), name);
        }

        /// <summary>The next <paramref name="count"/> messages (all that came within the time when <paramref name="more"/>).</summary>
        public async Task<IReadOnlyList<Message>> TakeAsync(int count, TimeSpan? within = null, bool more = false)
        {
            var taken = new List<Message>();
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var patience = within ?? TimeSpan.FromSeconds(30);
            while ((more || taken.Count < count) && clock.Elapsed < patience)
            {
                if (await channel.BasicGetAsync(name, autoAck: true) is { } got)
                {
                    taken.Add(new Message(got.RoutingKey, got.BasicProperties, Encoding.UTF8.GetString(got.Body.Span)));
                }
                else
                {
                    await Task.Delay(50);
                }
            }
            Assert.True(more || taken.Count == count, $"{taken.Count} of {count} messages arrived");
            return taken;
        }

        public async Task DeleteAsync() => await channel.QueueDeleteAsync(name);

        public async ValueTask DisposeAsync()
        {
            await channel.DisposeAsync();
            await connection.DisposeAsync();
        }
    }
}
