namespace Parley.Core.Config;

/// <summary><c>[guard]</c>: the spam guard.</summary>
public sealed record GuardConfig
{
    public bool Enabled { get; init; } = true;
    /// <summary><c>ratelimit</c>: new comments per address within 60 seconds.</summary>
    public int RateLimit { get; init; } = 2;
    /// <summary><c>direct-reply</c>: top-level comments per address per thread, ever.</summary>
    public int DirectReply { get; init; } = 3;
    public bool ReplyToSelf { get; init; }
    public bool RequireAuthor { get; init; }
    public bool RequireEmail { get; init; }
    /// <summary><c>website-field</c>: announced to the client, which may hide the website input.</summary>
    public bool WebsiteField { get; init; } = true;
}
