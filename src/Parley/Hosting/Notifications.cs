using Parley.Core.Email;
using Parley.Core.Config;
using Parley.Core.Events;
using Parley.Core.Events.Webhooks;

namespace Parley.Hosting;

/// <summary>
/// The event destinations (spec/notifications.md §1, spec/events.md §1): the log for stdout, the outbox for mail and one
/// per <c>[webhook] url</c>, all fed from the event log by <see cref="EventDispatcher"/>. They ask the live configuration
/// per event, so switching <c>[general] notify</c> or <c>[smtp]</c> needs no restart; the webhook endpoints do.
/// </summary>
internal static class Notifications
{
    public static void AddNotifications(this IServiceCollection services, ParleyConfig config, MailRetry retry,
        IReadOnlyList<IEventDestination> more)
    {
        services.AddSingleton<EventSignal>();
        services.AddSingleton<IEventDestination, LogDestination>();
        services.AddSingleton<NotificationMails>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<IEventDestination, MailDestination>();
        AddWebhooks(services, config.Webhook);
        if (config.Amqp.Url.Length > 0)
        {
            services.AddSingleton<IEventDestination>(sp => new AmqpDestination(config.Amqp, sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<AmqpDestination>>()));
        }
        foreach (var destination in more)
        {
            services.AddSingleton(destination);
        }
        services.AddHostedService<EventDispatcher>();
        services.AddSingleton(retry);
        services.AddHostedService<MailWorker>();
    }

    // One destination per endpoint, each with its own place in the log; the endpoints are read at start-up only.
    private static void AddWebhooks(IServiceCollection services, WebhookConfig webhook)
    {
        if (webhook.Urls.Count == 0)
        {
            return;
        }
        services.AddHttpClient(nameof(WebhookDestination)).ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            ConnectCallback = webhook.AllowPrivate ? null : PrivateAddresses.ConnectPublicAsync,
        });
        foreach (var url in webhook.Urls)
        {
            services.AddSingleton<IEventDestination>(sp => new WebhookDestination(url, sp.GetRequiredService<LiveConfig>(),
                sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(WebhookDestination)), sp.GetRequiredService<TimeProvider>()));
        }
    }
}
