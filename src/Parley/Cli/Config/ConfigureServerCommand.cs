using System.CommandLine;
using Parley.Core.Security;
using Parley.Core.Config;
using Parley.Storage;
using Parley.Storage.Postgres;

namespace Parley.Cli.Config;

/// <summary><c>parley config configure-server [options]</c>: the server, moderation and guard keys, only those given.</summary>
internal static class ConfigureServerCommand
{
    public static Command Create(Option<string> configOption)
    {
        var listen = new Option<string>("--listen") { HelpName = "URL", Description = "[server] listen: where the server listens, like http://localhost:8080 or unix:///run/parley.sock." };
        var dbPath = new Option<string>("--dbpath") { HelpName = "FILE", Description = "[general] dbpath: the SQLite database file, like /var/lib/parley/comments.db (never under /tmp, which the system empties; the file is not moved), or a PostgreSQL URL, like postgresql://parley:$PGPASSWORD@db/comments." };
        var endpoint = new Option<string>("--public-endpoint") { HelpName = "URL", Description = "[server] public-endpoint: the public address of the comment server, like https://comments.example.org (a path is allowed)." };
        var proxies = new Option<string[]>("--trusted-proxy")
        {
            HelpName = "IP|CIDR",
            Description = "[server] trusted-proxies: the address (10.0.0.1) or range (172.16.0.0/12, fd00::/8) of reverse proxies whose X-Forwarded-For is honoured; repeat for several, \"\" clears the list.",
            AllowMultipleArgumentsPerToken = true,
        };
        var sameSite = ConfigOptions.OneOf("--samesite", "[server] samesite: SameSite of every cookie; \"\" picks None over https, Lax otherwise.", "Lax", "Strict", "None", "");
        var moderation = ConfigOptions.OneOf("--moderation", "[moderation] enabled: new comments wait for approval.");
        var maxAge = new Option<string>("--max-age") { HelpName = "DURATION", Description = "[general] max-age: how long readers may edit and delete their comments, like 15m or 1h30m." };
        var rateLimit = new Option<string>("--ratelimit") { HelpName = "N", Description = "[guard] ratelimit: new comments allowed per address within a minute." };
        var requireEmail = ConfigOptions.OneOf("--require-email", "[guard] require-email: commenters must give an e-mail address.");
        var requireAuthor = ConfigOptions.OneOf("--require-author", "[guard] require-author: commenters must give a name.");
        var replies = ConfigOptions.OneOf("--reply-notifications", "[general] reply-notifications: commenters may subscribe to replies by e-mail (needs [smtp]).");
        var thread = ConfigOptions.OneOf("--thread-notifications", "[general] thread-notifications: commenters may subscribe to every new comment of the page by e-mail (needs [smtp]).");
        var command = new Command("configure-server",
            "Set server, moderation and guard keys. Only the options given are written; invalid values change nothing.")
        {
            listen, dbPath, endpoint, proxies, sameSite, moderation, maxAge, rateLimit, requireEmail, requireAuthor, replies, thread,
        };
        command.SetAction(result =>
        {
            var changes = new List<(string Section, string Key, string Value)>();
            void Add(Option<string> option, string section, string key)
            {
                if (result.GetValue(option) is { } value)
                {
                    changes.Add((section, key, value));
                }
            }
            Add(listen, "server", "listen");
            if (result.GetValue(dbPath) is { } given)
            {
                var database = given.Trim();
                if (database.Length == 0)
                {
                    return ConfigOptions.Fail("--dbpath: give the path of the database file");
                }
                if (PostgresUrl.Matches(database))
                {
                    // Checked as start-up checks it, and written as given, so a $VAR in it stays a reference.
                    try
                    {
                        PostgresUrl.Parse(VariableExpansion.Expand(database, Environment.GetEnvironmentVariable));
                    }
                    catch (DatabasePathException e)
                    {
                        return ConfigOptions.Fail($"--dbpath: {e.Message}");
                    }
                    changes.Add(("general", "dbpath", database));
                }
                else
                {
                    var full = Path.GetFullPath(database);
                    if (DatabasePathException.Problem(full) is { } problem)
                    {
                        return ConfigOptions.Fail($"--dbpath: {full} cannot be the database: {problem}");
                    }
                    changes.Add(("general", "dbpath", full));
                }
            }
            if (result.GetValue(endpoint) is { } publicEndpoint)
            {
                if (!WebAddress.TryEndpoint(publicEndpoint, out var normalised, out var reason))
                {
                    return ConfigOptions.Fail($"--public-endpoint: {reason}");
                }
                changes.Add(("server", "public-endpoint", normalised));
            }
            if (result.GetValue(proxies) is { Length: > 0 } addresses)
            {
                foreach (var address in addresses.Where(a => a.Length > 0))
                {
                    if (!AddressRange.TryParse(address, out _, out var problem))
                    {
                        return ConfigOptions.Fail($"--trusted-proxy: {problem}");
                    }
                }
                changes.Add(("server", "trusted-proxies", "\n" + string.Join('\n', addresses.Where(a => a.Length > 0))));
            }
            Add(sameSite, "server", "samesite");
            Add(moderation, "moderation", "enabled");
            Add(maxAge, "general", "max-age");
            Add(rateLimit, "guard", "ratelimit");
            Add(requireEmail, "guard", "require-email");
            Add(requireAuthor, "guard", "require-author");
            Add(replies, "general", "reply-notifications");
            Add(thread, "general", "thread-notifications");
            return ConfigEdit.Apply(result.GetValue(configOption)!, changes);
        });
        return command;
    }
}
