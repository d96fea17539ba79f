using System.Globalization;

namespace Parley.Core.Config;

/// <summary>One setting as text: <c>[Section] Key = Value</c>, the value unmasked.</summary>
public sealed record ConfigValue(string Section, string Key, string Value)
{
    /// <summary><c>[section] key</c>, how messages name a setting.</summary>
    public string Name => $"[{Section}] {Key}";
}

/// <summary>
/// Every setting of a <see cref="ParleyConfig"/> as text, in file order: what <c>config show</c> prints (after
/// masking secrets) and what a reload compares. <c>[server] reload</c> and <c>profile</c> do nothing, so they are left out.
/// </summary>
public static class ConfigValues
{
    public static IEnumerable<ConfigValue> Of(ParleyConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var g = config.General;
        yield return new("general", "dbpath", g.DbPath);
        yield return new("general", "name", g.Name);
        yield return new("general", "host", List(g.Host));
        yield return new("general", "max-age", Seconds(g.MaxAge));
        yield return new("general", "notify", List(g.Notify));
        yield return new("general", "reply-notifications", Bool(g.ReplyNotifications));
        yield return new("general", "reply-notifications-confirm", Bool(g.ReplyNotificationsConfirm));
        yield return new("general", "thread-notifications", Bool(g.ThreadNotifications));
        yield return new("general", "log-file", g.LogFile);
        yield return new("general", "gravatar", Bool(g.Gravatar));
        yield return new("general", "gravatar-url", g.GravatarUrl);
        yield return new("general", "latest-enabled", Bool(g.LatestEnabled));
        yield return new("general", "session-key", g.SessionKey ?? "");
        yield return new("admin", "enabled", Bool(config.Admin.Enabled));
        yield return new("admin", "password", config.Admin.Password);
        yield return new("moderation", "enabled", Bool(config.Moderation.Enabled));
        yield return new("moderation", "approve-if-email-previously-approved", Bool(config.Moderation.ApproveIfEmailPreviouslyApproved));
        yield return new("moderation", "purge-after", Seconds(config.Moderation.PurgeAfter));
        yield return new("server", "listen", config.Server.Listen);
        yield return new("server", "public-endpoint", config.Server.PublicEndpoint);
        yield return new("server", "trusted-proxies", List(config.Server.TrustedProxies));
        yield return new("server", "metrics-allow", List(config.Server.MetricsAllow));
        yield return new("server", "samesite", config.Server.SameSite);
        yield return new("smtp", "host", config.Smtp.Host);
        yield return new("smtp", "port", Number(config.Smtp.Port));
        yield return new("smtp", "security", config.Smtp.Security);
        yield return new("smtp", "username", config.Smtp.Username);
        yield return new("smtp", "password", config.Smtp.Password);
        yield return new("smtp", "from", config.Smtp.From);
        yield return new("smtp", "to", config.Smtp.To);
        yield return new("smtp", "timeout", Seconds(config.Smtp.Timeout));
        yield return new("guard", "enabled", Bool(config.Guard.Enabled));
        yield return new("guard", "ratelimit", Number(config.Guard.RateLimit));
        yield return new("guard", "direct-reply", Number(config.Guard.DirectReply));
        yield return new("guard", "reply-to-self", Bool(config.Guard.ReplyToSelf));
        yield return new("guard", "require-author", Bool(config.Guard.RequireAuthor));
        yield return new("guard", "require-email", Bool(config.Guard.RequireEmail));
        yield return new("guard", "website-field", Bool(config.Guard.WebsiteField));
        yield return new("markup", "renderer", config.Markup.Renderer);
        yield return new("markup", "allowed-elements", List(config.Markup.AllowedElements));
        yield return new("markup", "allowed-attributes", List(config.Markup.AllowedAttributes));
        yield return new("markup.mistune", "plugins", List(config.Markup.Plugins));
        yield return new("markup.mistune", "parameters", List(config.Markup.Parameters));
        yield return new("markup.misaka", "options", List(config.Markup.MisakaOptions));
        yield return new("markup.misaka", "flags", List(config.Markup.MisakaFlags));
        yield return new("hash", "salt", config.Hash.Salt);
        yield return new("hash", "algorithm", config.Hash.Algorithm);
        yield return new("rss", "base", config.Rss.Base);
        yield return new("rss", "limit", Number(config.Rss.Limit));
        yield return new("demo", "enabled", Bool(config.Demo.Enabled));
        yield return new("demo", "reset-every", Seconds(config.Demo.ResetEvery));
        yield return new("events", "retention", Seconds(config.Events.Retention));
        yield return new("webhook", "url", List(config.Webhook.Urls));
        yield return new("webhook", "secret", config.Webhook.Secret);
        yield return new("webhook", "timeout", Number(config.Webhook.Timeout));
        yield return new("webhook", "events", List(config.Webhook.Events));
        yield return new("webhook", "allow-private", Bool(config.Webhook.AllowPrivate));
        yield return new("spam", "proof-of-work", Bool(config.Spam.ProofOfWork));
        yield return new("spam", "proof-of-work-cost", Number(config.Spam.ProofOfWorkCost));
        yield return new("spam", "honeypot", Bool(config.Spam.Honeypot));
        yield return new("spam", "blocked-words", string.Join("\n", config.Spam.BlockedWords.Select(r => r.Text)));
        yield return new("spam", "suspect-words", string.Join("\n", config.Spam.SuspectWords.Select(r => r.Text)));
        yield return new("spam", "max-links", config.Spam.MaxLinks is { } max ? Number(max) : "");
        yield return new("webhook", "retries", string.Join(", ", config.Webhook.Retries.Select(Durations.Format)));
        yield return new("amqp", "url", config.Amqp.Url);
        yield return new("amqp", "exchange", config.Amqp.Exchange);
        yield return new("amqp", "topic-prefix", config.Amqp.TopicPrefix);
    }

    private static string List(IEnumerable<string> items) => string.Join(", ", items);

    private static string Bool(bool value) => value ? "true" : "false";

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Seconds(int value) => Number(value) + "s";
}
