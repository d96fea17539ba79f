namespace Parley.Core.Config;

/// <summary>
/// Turns a parsed <c>isso.cfg</c> into a <see cref="ParleyConfig"/>: the user's file over Isso's defaults, variables
/// expanded, values converted and checked. Every problem is collected (the app must refuse to start on any), each
/// naming <c>[section] key</c>; unknown keys are warnings, as in Isso.
/// </summary>
public static class ConfigReader
{
    public static ConfigResult Read(IniFile file, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(environment);
        var errors = new List<ConfigProblem>(file.Problems);
        var warnings = new List<string>(UnknownKeys.Warnings(file));
        var source = new ConfigSource(file, environment, errors);

        var config = new ParleyConfig
        {
            General = General(source, environment, warnings),
            Admin = new AdminConfig
            {
                Enabled = source.Bool("admin", "enabled", false),
                Password = source.String("admin", "password"),
            },
            Moderation = new ModerationConfig
            {
                Enabled = source.Bool("moderation", "enabled", false),
                ApproveIfEmailPreviouslyApproved = source.Bool("moderation", "approve-if-email-previously-approved", false),
                // It is also the purge loop's interval: zero would spin.
                PurgeAfter = source.Seconds("moderation", "purge-after", new ModerationConfig().PurgeAfter, minimum: 1),
            },
            Server = Server(source, warnings),
            Smtp = Smtp(source),
            Guard = new GuardConfig
            {
                Enabled = source.Bool("guard", "enabled", true),
                RateLimit = source.Seconds("guard", "ratelimit", 2),
                DirectReply = source.Seconds("guard", "direct-reply", 3),
                ReplyToSelf = source.Bool("guard", "reply-to-self", false),
                RequireAuthor = source.Bool("guard", "require-author", false),
                RequireEmail = source.Bool("guard", "require-email", false),
                WebsiteField = source.Bool("guard", "website-field", true),
            },
            Markup = Markup(source),
            Hash = new HashConfig
            {
                Salt = source.String("hash", "salt"),
                Algorithm = ConfigChecks.HashAlgorithm(source, source.String("hash", "algorithm")),
            },
            Rss = new RssConfig
            {
                Base = source.String("rss", "base"),
                Limit = source.Seconds("rss", "limit", 100),
            },
            Demo = new DemoConfig
            {
                Enabled = source.Bool("demo", "enabled", false),
                ResetEvery = source.Seconds("demo", "reset-every", new DemoConfig().ResetEvery, minimum: 1),
            },
            Events = new EventsConfig
            {
                Retention = source.Seconds("events", "retention", new EventsConfig().Retention, minimum: 1),
            },
            Webhook = new WebhookConfig
            {
                Urls = ConfigChecks.WebhookUrls(source, source.LineList("webhook", "url")),
                Secret = source.String("webhook", "secret"),
                Timeout = source.Seconds("webhook", "timeout", new WebhookConfig().Timeout, minimum: 1),
                Events = ConfigChecks.EventTypes(source, "webhook", "events", source.CommaList("webhook", "events")),
                AllowPrivate = source.Bool("webhook", "allow-private", false),
                Retries = ConfigChecks.Durations(source, "webhook", "retries", source.CommaList("webhook", "retries")),
            },
            Spam = new SpamConfig
            {
                ProofOfWork = source.Bool("spam", "proof-of-work", false),
                ProofOfWorkCost = source.Seconds("spam", "proof-of-work-cost", new SpamConfig().ProofOfWorkCost, minimum: 1),
                Honeypot = source.Bool("spam", "honeypot", false),
                BlockedWords = ConfigChecks.WordRules(source, "spam", "blocked-words", source.LineList("spam", "blocked-words")),
                SuspectWords = ConfigChecks.WordRules(source, "spam", "suspect-words", source.LineList("spam", "suspect-words")),
                MaxLinks = ConfigChecks.OptionalCount(source, "spam", "max-links"),
            },
            Amqp = new AmqpConfig
            {
                Url = ConfigChecks.AmqpUrl(source, source.String("amqp", "url")),
                Exchange = source.String("amqp", "exchange"),
                TopicPrefix = source.String("amqp", "topic-prefix").Trim('.'),
            },
        };
        return new ConfigResult(config, errors, warnings);
    }

    private static GeneralConfig General(ConfigSource source, Func<string, string?> environment, List<string> warnings)
    {
        var notify = source.CommaList("general", "notify");
        foreach (var backend in notify.Where(b => b is not ("stdout" or "smtp" or "SMTP" or "webhook")))
        {
            warnings.Add($"[general] notify: unknown notification backend \"{backend}\"");
        }
        var sessionKey = source.String("general", "session-key");
        return new GeneralConfig
        {
            DbPath = HomeExpanded(source.String("general", "dbpath"), environment),
            Name = source.String("general", "name"),
            Host = source.LineList("general", "host"),
            MaxAge = source.Seconds("general", "max-age", 900),
            Notify = notify,
            ReplyNotifications = source.Bool("general", "reply-notifications", false),
            ReplyNotificationsConfirm = source.Bool("general", "reply-notifications-confirm", false),
            ThreadNotifications = source.Bool("general", "thread-notifications", false),
            LogFile = source.String("general", "log-file"),
            Gravatar = source.Bool("general", "gravatar", false),
            GravatarUrl = source.String("general", "gravatar-url"),
            LatestEnabled = source.Bool("general", "latest-enabled", false),
            SessionKey = sessionKey.Length == 0 ? null : sessionKey,
        };
    }

    private static ServerConfig Server(ConfigSource source, List<string> warnings)
    {
        var endpoint = source.String("server", "public-endpoint");
        if (endpoint.EndsWith('/'))
        {
            endpoint = endpoint.TrimEnd('/');
            warnings.Add($"[server] public-endpoint ends with a slash; using \"{endpoint}\"");
        }
        return new ServerConfig
        {
            Listen = ConfigChecks.Listen(source, source.String("server", "listen")),
            PublicEndpoint = endpoint,
            Reload = source.Bool("server", "reload", false),
            Profile = source.Bool("server", "profile", false),
            TrustedProxies = ConfigChecks.AddressRanges(source, "trusted-proxies", source.LineList("server", "trusted-proxies")),
            MetricsAllow = ConfigChecks.AddressRanges(source, "metrics-allow", source.LineList("server", "metrics-allow")),
            SameSite = ConfigChecks.SameSite(source, source.String("server", "samesite")),
        };
    }

    private static SmtpConfig Smtp(ConfigSource source) => new()
    {
        Username = source.String("smtp", "username"),
        Password = source.String("smtp", "password"),
        Host = source.String("smtp", "host"),
        Port = ConfigChecks.Port(source, source.Seconds("smtp", "port", 587)),
        Security = ConfigChecks.OneOf(source, "smtp", "security", source.String("smtp", "security"), "none", "starttls", "ssl"),
        To = source.String("smtp", "to"),
        From = SmtpSender.WithDisplayName(source.String("smtp", "from")),
        Timeout = source.Seconds("smtp", "timeout", 10, minimum: 1),
    };

    private static MarkupConfig Markup(ConfigSource source)
    {
        var options = source.CommaList("markup.misaka", "options");
        var flags = source.CommaList("markup.misaka", "flags");
        return new MarkupConfig
        {
            Renderer = ConfigChecks.OneOf(source, "markup", "renderer", source.String("markup", "renderer"), "mistune", "misaka"),
            AllowedElements = source.CommaList("markup", "allowed-elements"),
            AllowedAttributes = source.CommaList("markup", "allowed-attributes"),
            Plugins = source.CommaList("markup.mistune", "plugins"),
            Parameters = source.CommaList("markup.mistune", "parameters"),
            // Older files put the Misaka settings in [markup]; they count only where the new section is empty.
            MisakaOptions = options.Count > 0 ? options : source.CommaList("markup", "options"),
            MisakaFlags = flags.Count > 0 ? flags : source.CommaList("markup", "flags"),
        };
    }

    /// <summary><c>~</c> and <c>~/…</c> mean the home directory, as Python's expanduser has it.</summary>
    private static string HomeExpanded(string path, Func<string, string?> environment)
    {
        if (path == "~" || path.StartsWith("~/", StringComparison.Ordinal))
        {
            return environment("HOME") is { Length: > 0 } home ? home.TrimEnd('/') + path[1..] : path;
        }
        return path;
    }
}
