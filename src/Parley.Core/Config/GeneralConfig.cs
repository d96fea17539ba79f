namespace Parley.Core.Config;

/// <summary><c>[general]</c>.</summary>
public sealed record GeneralConfig
{
    /// <summary><c>dbpath</c>: the SQLite file (<c>~</c> expanded); created if missing.</summary>
    public string DbPath { get; init; } = "/tmp/comments.db";
    /// <summary><c>name</c>: site name (multi-site mount prefix).</summary>
    public string Name { get; init; } = "";
    /// <summary><c>host</c>: the websites allowed to embed comments, one per line; the first is the fallback origin.</summary>
    public IReadOnlyList<string> Host { get; init; } = [];
    /// <summary><c>max-age</c> in seconds: the edit window and cookie lifetime.</summary>
    public int MaxAge { get; init; } = 900;
    /// <summary><c>notify</c>: notification backends (<c>stdout</c>, <c>smtp</c>).</summary>
    public IReadOnlyList<string> Notify { get; init; } = ["stdout"];
    /// <summary>Whether <c>notify</c> names smtp (either case): the owner is mailed about new comments.</summary>
    public bool MailsOwner => Notify.Any(n => n.Equals("smtp", StringComparison.OrdinalIgnoreCase));
    /// <summary><c>reply-notifications</c>: commenters may subscribe to replies.</summary>
    public bool ReplyNotifications { get; init; }
    /// <summary>
    /// <c>reply-notifications-confirm</c> (Parley): double opt-in. The first subscription of an address mails a
    /// confirmation link, and no reply mail goes there until it is followed. Off by default, as in Isso.
    /// </summary>
    public bool ReplyNotificationsConfirm { get; init; }
    /// <summary>
    /// <c>thread-notifications</c> (Isso's open proposal): commenters may also subscribe to every new comment of the
    /// thread (<c>notification = 2</c>). Double opt-in applies to it as to reply mail.
    /// </summary>
    public bool ThreadNotifications { get; init; }
    /// <summary><c>log-file</c>: log here instead of standard output.</summary>
    public string LogFile { get; init; } = "";
    /// <summary><c>gravatar</c>: add <c>gravatar_image</c> to comments.</summary>
    public bool Gravatar { get; init; }
    /// <summary><c>gravatar-url</c>: template, <c>{}</c> replaced by the MD5 of the e-mail.</summary>
    public string GravatarUrl { get; init; } = "https://www.gravatar.com/avatar/{}?d=identicon&s=55";
    /// <summary><c>latest-enabled</c>: enables <c>GET /latest</c>.</summary>
    public bool LatestEnabled { get; init; }
    /// <summary><c>session-key</c>: legacy; only read when migrating a schema-1 database.</summary>
    public string? SessionKey { get; init; }
}
