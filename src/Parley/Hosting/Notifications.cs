using Parley.Core.Config;
using Parley.Core.Email;
using Parley.Core.Events;

namespace Parley.Hosting;

/// <summary>Which event destinations run (spec/notifications.md §1): the log for stdout, the outbox for mail.</summary>
internal static class Notifications
{
    public static void AddNotifications(this IServiceCollection services, ParleyConfig config, MailRetry retry)
    {
        services.AddSingleton<EventFanout>();
        if (config.General.Notify.Contains("stdout"))
        {
            services.AddSingleton<IEventDestination, LogDestination>();
        }
        if (!config.General.MailsOwner && !config.General.ReplyNotifications)
        {
            return;
        }
        services.AddSingleton<NotificationMails>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<IEventDestination, MailDestination>();
        services.AddSingleton(retry);
        services.AddSingleton(new SmtpClient(SmtpOptions.From(config.Smtp)));
        services.AddHostedService<MailWorker>();
    }
}
