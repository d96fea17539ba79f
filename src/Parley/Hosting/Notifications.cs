using Parley.Core.Email;
using Parley.Core.Events;

namespace Parley.Hosting;

/// <summary>
/// The event destinations (spec/notifications.md §1): the log for stdout, the outbox for mail, both fed from the event
/// log by <see cref="EventDispatcher"/>. Both are always there and ask the live configuration per event, so switching
/// <c>[general] notify</c> or <c>[smtp]</c> needs no restart.
/// </summary>
internal static class Notifications
{
    public static void AddNotifications(this IServiceCollection services, MailRetry retry, IReadOnlyList<IEventDestination> more)
    {
        services.AddSingleton<EventSignal>();
        services.AddSingleton<IEventDestination, LogDestination>();
        services.AddSingleton<NotificationMails>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<IEventDestination, MailDestination>();
        foreach (var destination in more)
        {
            services.AddSingleton(destination);
        }
        services.AddHostedService<EventDispatcher>();
        services.AddSingleton(retry);
        services.AddHostedService<MailWorker>();
    }
}
