using Parley.Core.Config;

namespace Parley.Core.Tests.Config;

public sealed class ReloadRulesTests
{
    // Every setting differs from the defaults.
    private static readonly ParleyConfig Changed = new()
    {
        General = new GeneralConfig
        {
            DbPath = "/srv/other.db", Name = "blog", Host = ["https://example.org"], MaxAge = 60, Notify = ["smtp"],
            ReplyNotifications = true, ReplyNotificationsConfirm = true, ThreadNotifications = true, LogFile = "/var/log/parley.log", Gravatar = true,
            GravatarUrl = "https://avatars.example/{}", LatestEnabled = true, SessionKey = "legacy",
        },
        Admin = new AdminConfig { Enabled = true, Password = "secret" },
        Moderation = new ModerationConfig { Enabled = true, ApproveIfEmailPreviouslyApproved = true, PurgeAfter = 60 },
        Server = new ServerConfig
        {
            Listen = "http://localhost:9000", PublicEndpoint = "https://comments.example.org", Reload = true, Profile = true,
            TrustedProxies = ["192.0.2.1"], MetricsAllow = ["127.0.0.1"], SameSite = "Strict",
        },
        Smtp = new SmtpConfig
        {
            Username = "u", Password = "p", Host = "mail.example.org", Port = 465, Security = "ssl", To = "owner@example.org",
            From = "Comments <c@example.org>", Timeout = 30,
        },
        Guard = new GuardConfig
        {
            Enabled = false, RateLimit = 9, DirectReply = 9, ReplyToSelf = true, RequireAuthor = true, RequireEmail = true, WebsiteField = false,
        },
        Markup = new MarkupConfig
        {
            Renderer = "misaka", AllowedElements = ["img"], AllowedAttributes = ["src"], Plugins = ["strikethrough"], Parameters = ["escape"],
            MisakaOptions = ["autolink"], MisakaFlags = ["hard-wrap"],
        },
        Hash = new HashConfig { Salt = "pepper", Algorithm = "sha256" },
        Rss = new RssConfig { Base = "https://example.org", Limit = 10 },
        Demo = new DemoConfig { Enabled = true, ResetEvery = 60 },
        Events = new EventsConfig { Retention = 86400 },
        Webhook = new WebhookConfig
        {
            Urls = ["https://hooks.example.org/"], Secret = "s", Timeout = 3, Events = ["comment.voted"], AllowPrivate = true,
            Retries = [TimeSpan.FromSeconds(90)],
        },
        Amqp = new AmqpConfig { Url = "amqp://localhost/", Exchange = "parley", TopicPrefix = "org.example" },
        Spam = new SpamConfig
        {
            ProofOfWork = true, ProofOfWorkCost = 5, Honeypot = true, MaxLinks = 2,
            BlockedWords = [Core.Spam.WordRule.TryParse("casino", out _)!], SuspectWords = [Core.Spam.WordRule.TryParse("/x/", out _)!],
        },
    };

    [Fact]
    public void EverySettingIsListedOnceAsText()
    {
        // Each init-only property of a section is a setting; reload and profile do nothing, so they are not compared.
        var settings = typeof(ParleyConfig).GetProperties()
            .SelectMany(section => section.PropertyType.GetProperties().Where(p => p.SetMethod is not null))
            .Count();
        var values = ConfigValues.Of(new ParleyConfig()).ToList();
        Assert.Equal(settings - 2, values.Count);
        Assert.Equal(values.Count, values.Select(v => v.Name).Distinct().Count());
    }

    [Fact]
    public void EveryValueDiffersInTheChangedConfiguration()
    {
        Assert.All(ConfigValues.Of(new ParleyConfig()).Zip(ConfigValues.Of(Changed)), pair => Assert.NotEqual(pair.First.Value, pair.Second.Value));
    }

    [Fact]
    public void TheAppliedConfigurationTakesTheLiveSettingsAndKeepsTheRestartOnes()
    {
        var running = new ParleyConfig();
        var applied = ReloadRules.Applied(running, Changed);
        foreach (var ((before, after), now) in ConfigValues.Of(running).Zip(ConfigValues.Of(Changed)).Zip(ConfigValues.Of(applied)))
        {
            var expected = ReloadRules.NeedsRestart(before.Section, before.Key) ? before.Value : after.Value;
            Assert.True(expected == now.Value, $"{now.Name} is {now.Value}, expected {expected}");
        }
        Assert.Equal(running.Server.Reload, applied.Server.Reload);
    }

    [Fact]
    public void TheChangesAreSplitIntoLiveAndRestartInFileOrder()
    {
        var after = new ParleyConfig
        {
            General = new GeneralConfig { DbPath = "/srv/other.db", Host = ["https://example.org"] },
            Server = new ServerConfig { Listen = "http://localhost:9000" },
            Guard = new GuardConfig { RateLimit = 5 },
            Smtp = new SmtpConfig { Password = "new" },
        };
        var changes = ReloadRules.Compare(new ParleyConfig(), after);
        string[] live = ["[general] host", "[smtp] password", "[guard] ratelimit"];
        string[] restart = ["[general] dbpath", "[server] listen"];
        Assert.Equal(live, changes.Live);
        Assert.Equal(restart, changes.NeedRestart);
        Assert.False(ReloadRules.Compare(after, after with { }).Any);
    }

    [Theory]
    [InlineData("general", "host", false)]
    [InlineData("moderation", "enabled", false)]
    [InlineData("guard", "ratelimit", false)]
    [InlineData("smtp", "password", false)]
    [InlineData("admin", "password", false)]
    [InlineData("general", "dbpath", true)]
    [InlineData("server", "listen", true)]
    [InlineData("markup.mistune", "plugins", true)]
    [InlineData("hash", "salt", true)]
    public void TheRulesFollowWhatTheServerBuildsAtStartUp(string section, string key, bool restart)
    {
        Assert.Equal(restart, ReloadRules.NeedsRestart(section, key));
    }

    [Fact]
    public void AReplacedConfigurationIsSeenAndAnnounced()
    {
        var live = new LiveConfig(new ParleyConfig());
        var announced = 0;
        live.Changed += () => announced++;
        live.Replace(Changed);
        Assert.Same(Changed, live.Current);
        Assert.Equal(1, announced);
    }
}
