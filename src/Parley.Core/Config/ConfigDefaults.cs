namespace Parley.Core.Config;

/// <summary>
/// Isso's built-in defaults (spec/config.md §3), kept as INI text: the user's file is layered over them, and a
/// key they do not name is an unknown option.
/// </summary>
internal static class ConfigDefaults
{
    public static IniFile File { get; } = IniFile.Parse("""
        [general]
        dbpath = /tmp/comments.db
        name =
        host =
        max-age = 15m
        notify = stdout
        reply-notifications = false
        reply-notifications-confirm = false
        thread-notifications = false
        log-file =
        gravatar = false
        gravatar-url = https://www.gravatar.com/avatar/{}?d=identicon&s=55
        latest-enabled = false

        [admin]
        enabled = false
        password = please_choose_a_strong_password

        [moderation]
        enabled = false
        approve-if-email-previously-approved = false
        purge-after = 30d

        [server]
        listen = http://localhost:8080
        public-endpoint =
        reload = false
        profile = false
        trusted-proxies =
        metrics-allow =
        samesite =

        [smtp]
        username =
        password =
        host = localhost
        port = 587
        security = starttls
        to =
        from =
        timeout = 10

        [guard]
        enabled = true
        ratelimit = 2
        direct-reply = 3
        reply-to-self = false
        require-author = false
        require-email = false
        website-field = true

        [markup]
        renderer = mistune
        allowed-elements =
        allowed-attributes =

        [markup.misaka]
        options = autolink, fenced-code, no-intra-emphasis, strikethrough, superscript
        flags =

        [markup.mistune]
        plugins = strikethrough, subscript, superscript
        parameters = escape, hard_wrap

        [hash]
        salt = Eech7co8Ohloopo9Ol6baimi
        algorithm = pbkdf2

        [rss]
        base =
        limit = 100

        [demo]
        enabled = false
        reset-every = 30m

        [events]
        retention = 90d

        [webhook]
        url =
        secret =
        timeout = 10
        events = comment.created
        allow-private = false
        retries = 5s, 5m, 30m, 2h, 5h, 10h, 14h, 20h, 24h

        [spam]
        proof-of-work = false
        proof-of-work-cost = 200000
        honeypot = false
        blocked-words =
        suspect-words =
        max-links =

        [amqp]
        url =
        exchange = amq.topic
        topic-prefix =
        """);
}
