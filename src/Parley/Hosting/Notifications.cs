using Parley.Core.Email;
using Parley.Core.Events;

namespace Parley.Hosting;

/// <summary>
/// The event destinations (spec/notifications.md §1): the log for stdout, the outbox for mail. Both are always
/// there and ask the live configuration per event, so switching <c>[general] notify</c> or <c>[smtp]</c> needs no restart.
/// </summary>
internal static class Notifications
{
    public static void AddNotifications(this IServiceCollection services, MailRetry retry)
    {
        services.AddSingleton<EventFanout>();
        services.AddSingleton<IEventDestination, LogDestination>();
        services.AddSingleton<NotificationMails>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<IEventDestination, MailDestination>();
        services.AddSingleton(retry);
        services.AddHostedService<MailWorker>();
    }
}
