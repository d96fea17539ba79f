using System.CommandLine;
using Parley.Core.Security;

namespace Parley.Cli.Config;

/// <summary>
/// <c>parley config set-admin-password</c>: a new random password, printed once and stored only as a hash in
/// <c>[admin] password</c>; the admin panel is enabled. Running it again replaces the password.
/// </summary>
internal static class SetAdminPasswordCommand
{
    public static Command Create(Option<string> configOption)
    {
        var command = new Command("set-admin-password",
            "Generate a new admin password, print it once, store its hash in [admin] password and set [admin] enabled = true. "
            + "Run it again to replace the password.");
        command.SetAction(result => Run(result.GetValue(configOption)!));
        return command;
    }

    private static int Run(string configPath)
    {
        var edit = ConfigEdit.Open(configPath);
        if (edit is null)
        {
            return 1;
        }
        var password = AdminPassword.Generate();
        edit.Set("admin", "password", AdminPassword.Hash(password));
        if (!string.Equals(edit.File.Get("admin", "enabled"), "true", StringComparison.OrdinalIgnoreCase))
        {
            edit.Set("admin", "enabled", "true");
        }
        var status = edit.Save();
        if (status != 0)
        {
            return status;
        }
        Console.WriteLine();
        Console.WriteLine("New admin password (shown only this once; the file keeps just a hash of it):");
        Console.WriteLine();
        Console.WriteLine("    " + password);
        Console.WriteLine();
        var endpoint = edit.File.Get("server", "public-endpoint") is { Length: > 0 } e ? e.TrimEnd('/') : "<comment server>";
        Console.WriteLine($"Sign in at {endpoint}/admin/. Run this command again to replace it.");
        return 0;
    }
}
