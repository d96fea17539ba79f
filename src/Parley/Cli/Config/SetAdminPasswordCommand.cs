using System.CommandLine;
using System.Data.Common;
using Parley.Core.Config;
using Parley.Core.Security;
using Parley.Storage;
using Parley.Storage.Postgres;

namespace Parley.Cli.Config;

/// <summary>
/// <c>parley config set-admin-password</c>: a new random password, printed once and stored only as a hash in
/// <c>[admin] password</c>; the admin panel is enabled. Running it again replaces the password and ends every
/// admin session in the database, also those of a server that is running.
/// </summary>
internal static class SetAdminPasswordCommand
{
    public static Command Create(Option<string> configOption)
    {
        var command = new Command("set-admin-password",
            "Generate a new admin password, print it once, store its hash in [admin] password and set [admin] enabled = true. "
            + "Run it again to replace the password; every admin session is signed out, also on a running server.");
        command.SetAction((result, ct) => RunAsync(result.GetValue(configOption)!, ct));
        return command;
    }

    private static async Task<int> RunAsync(string configPath, CancellationToken ct)
    {
        var edit = ConfigEdit.Open(configPath);
        if (edit is null)
        {
            return 1;
        }
        var password = AdminPassword.Generate();
        var hash = AdminPassword.Hash(password);
        edit.Set("admin", "password", hash);
        if (!string.Equals(edit.File.Get("admin", "enabled"), "true", StringComparison.OrdinalIgnoreCase))
        {
            edit.Set("admin", "enabled", "true");
        }
        var status = edit.Save();
        if (status != 0)
        {
            return status;
        }
        var signedOut = await EndSessionsAsync(edit.Path, hash, ct);
        Console.WriteLine();
        Console.WriteLine("New admin password (shown only this once; the file keeps just a hash of it):");
        Console.WriteLine();
        Console.WriteLine("    " + password);
        Console.WriteLine();
        var endpoint = edit.File.Get("server", "public-endpoint") is { Length: > 0 } e ? e.TrimEnd('/') : "<comment server>";
        if (signedOut)
        {
            Console.WriteLine("Every admin session has been signed out, also on a running server, which signs in with the new password within a few seconds.");
        }
        Console.WriteLine($"Sign in at {endpoint}/admin/. Run this command again to replace it.");
        return 0;
    }

    /// <summary>
    /// Records the new password in the database, which ends every admin session; false when there is no database
    /// yet. A database that cannot be opened gets one warning: its sessions end when Parley next starts.
    /// </summary>
    private static async Task<bool> EndSessionsAsync(string configPath, string hash, CancellationToken ct)
    {
        var loaded = ConfigFile.Load(configPath, Environment.GetEnvironmentVariable);
        var config = loaded.Config;
        if (!loaded.IsValid || (!PostgresUrl.Matches(config.General.DbPath) && !File.Exists(config.General.DbPath)))
        {
            return false;
        }
        try
        {
            using var store = StoreFactory.Open(config);
            await store.RecordAdminPasswordAsync(AdminPassword.Fingerprint(hash), ct);
            return true;
        }
        catch (Exception e) when (e is DbException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            await Console.Error.WriteLineAsync(
                $"warning: cannot sign out the admin sessions in {PostgresUrl.Masked(config.General.DbPath)} ({e.Message}); they end when Parley next starts.");
            return false;
        }
    }
}
