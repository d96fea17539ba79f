using System.CommandLine;
using System.Net.Mail;

namespace Parley.Cli.Config;

/// <summary><c>parley config configure-smtp --host H [options]</c>: the <c>[smtp]</c> keys given, and <c>smtp</c> in <c>[general] notify</c>.</summary>
internal static class ConfigureSmtpCommand
{
    public static Command Create(Option<string> configOption)
    {
        var host = new Option<string>("--host") { HelpName = "HOST", Description = "[smtp] host: the mail server.", Required = true };
        var port = new Option<string>("--port") { HelpName = "N", Description = "[smtp] port: 587 for starttls, 465 for ssl, 25 for none." };
        var security = ConfigOptions.OneOf("--security", "[smtp] security: none, starttls (upgrade, certificate checked) or ssl (implicit TLS).", "none", "starttls", "ssl");
        var username = new Option<string>("--username") { HelpName = "NAME", Description = "[smtp] username: login name; Parley logs in when a username and a password are set." };
        var passwordStdin = new Option<bool>("--password-stdin") { Description = "[smtp] password: read it from the first line of standard input (never give it as an argument: other users can see those)." };
        var from = new Option<string>("--from") { HelpName = "ADDRESS", Description = "[smtp] from: the sender, like \"Comments <comments@example.org>\"." };
        var to = new Option<string>("--to") { HelpName = "ADDRESS", Description = "[smtp] to: who receives the owner's notification mail." };
        var timeout = new Option<string>("--timeout") { HelpName = "SECONDS", Description = "[smtp] timeout: seconds for connecting and each step." };
        var notify = ConfigOptions.OneOf("--notify", "true adds smtp to [general] notify (mail the owner about new comments), false removes it; stdout is kept.");
        var command = new Command("configure-smtp",
            "Set the [smtp] keys given. Only the options given are written; invalid values change nothing.")
        {
            host, port, security, username, passwordStdin, from, to, timeout, notify,
        };
        command.SetAction(async (result, ct) =>
        {
            var changes = new List<(string Section, string Key, string Value)> { ("smtp", "host", result.GetValue(host)!.Trim()) };
            if (changes[0].Value.Length == 0)
            {
                return ConfigOptions.Fail("--host is empty");
            }
            void Add(Option<string> option, string key)
            {
                if (result.GetValue(option) is { } value)
                {
                    changes.Add(("smtp", key, value));
                }
            }
            Add(port, "port");
            Add(security, "security");
            Add(username, "username");
            foreach (var (option, key) in new[] { (from, "from"), (to, "to") })
            {
                if (result.GetValue(option) is { Length: > 0 } address && !MailAddress.TryCreate(address, out _))
                {
                    return ConfigOptions.Fail($"--{key}: \"{address}\" is not an e-mail address");
                }
                Add(option, key);
            }
            Add(timeout, "timeout");
            if (result.GetValue(passwordStdin))
            {
                var password = await Console.In.ReadLineAsync(ct);
                if (string.IsNullOrEmpty(password) || password.Trim() != password)
                {
                    return ConfigOptions.Fail("--password-stdin: standard input has no password on its first line, or it starts or ends with a space");
                }
                changes.Add(("smtp", "password", password));
            }
            return Apply(result.GetValue(configOption)!, changes, result.GetValue(notify));
        });
        return command;
    }

    private static int Apply(string configPath, List<(string Section, string Key, string Value)> changes, string? notify)
    {
        var edit = ConfigEdit.Open(configPath);
        if (edit is null)
        {
            return 1;
        }
        foreach (var (section, key, value) in changes)
        {
            edit.Set(section, key, value);
        }
        if (notify is not null)
        {
            var backends = (edit.File.Get("general", "notify") ?? "stdout")
                .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Where(b => !b.Equals("smtp", StringComparison.OrdinalIgnoreCase)).ToList();
            if (notify == "true")
            {
                backends.Add("smtp");
            }
            edit.Set("general", "notify", string.Join(", ", backends));
        }
        return edit.Save();
    }
}
