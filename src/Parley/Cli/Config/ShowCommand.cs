using System.CommandLine;
using System.Globalization;
using Parley.Core.Config;

namespace Parley.Cli.Config;

/// <summary>
/// <c>parley config show</c>: the configuration as Parley reads it (file over Isso's defaults, variables expanded),
/// secrets masked, followed by its warnings and errors. Changes nothing.
/// </summary>
internal static class ShowCommand
{
    public static Command Create(Option<string> configOption)
    {
        var command = new Command("show",
            "Print the effective configuration as [section] key = value lines, secrets masked, then any warnings and problems. "
            + "Changes nothing; exits with 1 when the configuration would not start.");
        command.SetAction(result => Run(result.GetValue(configOption)!));
        return command;
    }

    private static int Run(string configPath)
    {
        var path = StartupConfig.PathOf(configPath);
        var result = ConfigFile.Load(path, Environment.GetEnvironmentVariable);
        Console.WriteLine($"# {path}");
        foreach (var (section, key, value) in Lines(result.Config))
        {
            Console.WriteLine($"[{section}] {key} = {value}");
        }
        foreach (var warning in result.Warnings)
        {
            Console.WriteLine($"warning: {warning}");
        }
        foreach (var error in result.Errors)
        {
            Console.WriteLine($"problem: {error}");
        }
        return result.IsValid ? 0 : 1;
    }

    private static IEnumerable<(string Section, string Key, string Value)> Lines(ParleyConfig c)
    {
        var g = c.General;
        yield return ("general", "dbpath", g.DbPath);
        yield return ("general", "name", g.Name);
        yield return ("general", "host", List(SetWebsitesCommand.Websites(g.Host)));
        yield return ("general", "max-age", Seconds(g.MaxAge));
        yield return ("general", "notify", List(g.Notify));
        yield return ("general", "reply-notifications", Bool(g.ReplyNotifications));
        yield return ("general", "reply-notifications-confirm", Bool(g.ReplyNotificationsConfirm));
        yield return ("general", "log-file", g.LogFile);
        yield return ("general", "gravatar", Bool(g.Gravatar));
        yield return ("general", "gravatar-url", g.GravatarUrl);
        yield return ("general", "latest-enabled", Bool(g.LatestEnabled));
        yield return ("admin", "enabled", Bool(c.Admin.Enabled));
        yield return ("admin", "password", AdminPasswordState(c.Admin.Password));
        yield return ("moderation", "enabled", Bool(c.Moderation.Enabled));
        yield return ("moderation", "approve-if-email-previously-approved", Bool(c.Moderation.ApproveIfEmailPreviouslyApproved));
        yield return ("moderation", "purge-after", Seconds(c.Moderation.PurgeAfter));
        yield return ("server", "listen", c.Server.Listen);
        yield return ("server", "public-endpoint", c.Server.PublicEndpoint);
        yield return ("server", "trusted-proxies", List(c.Server.TrustedProxies));
        yield return ("server", "samesite", c.Server.SameSite);
        yield return ("smtp", "host", c.Smtp.Host);
        yield return ("smtp", "port", Number(c.Smtp.Port));
        yield return ("smtp", "security", c.Smtp.Security);
        yield return ("smtp", "username", c.Smtp.Username);
        yield return ("smtp", "password", c.Smtp.Password.Length > 0 ? "(set)" : "(not set)");
        yield return ("smtp", "from", c.Smtp.From);
        yield return ("smtp", "to", c.Smtp.To);
        yield return ("smtp", "timeout", Seconds(c.Smtp.Timeout));
        yield return ("guard", "enabled", Bool(c.Guard.Enabled));
        yield return ("guard", "ratelimit", Number(c.Guard.RateLimit));
        yield return ("guard", "direct-reply", Number(c.Guard.DirectReply));
        yield return ("guard", "reply-to-self", Bool(c.Guard.ReplyToSelf));
        yield return ("guard", "require-author", Bool(c.Guard.RequireAuthor));
        yield return ("guard", "require-email", Bool(c.Guard.RequireEmail));
        yield return ("guard", "website-field", Bool(c.Guard.WebsiteField));
        yield return ("markup", "renderer", c.Markup.Renderer);
        yield return ("markup", "allowed-elements", List(c.Markup.AllowedElements));
        yield return ("markup", "allowed-attributes", List(c.Markup.AllowedAttributes));
        yield return ("markup.mistune", "plugins", List(c.Markup.Plugins));
        yield return ("markup.mistune", "parameters", List(c.Markup.Parameters));
        yield return ("markup.misaka", "options", List(c.Markup.MisakaOptions));
        yield return ("markup.misaka", "flags", List(c.Markup.MisakaFlags));
        yield return ("hash", "salt", c.Hash.Salt);
        yield return ("hash", "algorithm", c.Hash.Algorithm);
        yield return ("rss", "base", c.Rss.Base);
        yield return ("rss", "limit", Number(c.Rss.Limit));
    }

    /// <summary>Never the password or its hash: only whether one that opens the panel is set.</summary>
    private static string AdminPasswordState(string password) => password switch
    {
        "" => "(not set)",
        AdminConfig.SamplePassword => "(sample — run parley config set-admin-password)",
        _ => "(set)",
    };

    private static string List(IEnumerable<string> items) => string.Join(", ", items);

    private static string Bool(bool value) => value ? "true" : "false";

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Seconds(int value) => Number(value) + "s";
}
