namespace Parley.Core.Config;

/// <summary>The typed, validated view of <c>isso.cfg</c>: one record per section, Isso's defaults.</summary>
public sealed record ParleyConfig
{
    public GeneralConfig General { get; init; } = new();
    public AdminConfig Admin { get; init; } = new();
    public ModerationConfig Moderation { get; init; } = new();
    public ServerConfig Server { get; init; } = new();
    public SmtpConfig Smtp { get; init; } = new();
    public GuardConfig Guard { get; init; } = new();
    public MarkupConfig Markup { get; init; } = new();
    public HashConfig Hash { get; init; } = new();
    public RssConfig Rss { get; init; } = new();
    public DemoConfig Demo { get; init; } = new();
    public EventsConfig Events { get; init; } = new();
    public WebhookConfig Webhook { get; init; } = new();
    public SpamConfig Spam { get; init; } = new();
    public AmqpConfig Amqp { get; init; } = new();
}
