using System.CommandLine;
using Parley.Core.Config;
using Parley.Storage.Postgres;

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

    // Secrets are masked; host is listed as set-websites takes it.
    private static IEnumerable<(string Section, string Key, string Value)> Lines(ParleyConfig c) =>
        ConfigValues.Of(c).Select(v => (v.Section, v.Key, v.Name switch
        {
            "[general] host" => string.Join(", ", SetWebsitesCommand.Websites(c.General.Host)),
            "[admin] password" => AdminPasswordState(v.Value),
            "[smtp] password" or "[general] session-key" or "[webhook] secret" => v.Value.Length > 0 ? "(set)" : "(not set)",
            "[general] dbpath" => PostgresUrl.Masked(v.Value),
            "[amqp] url" => AmqpUrlMasked(v.Value),
            _ => v.Value,
        }));

    /// <summary>Never the password or its hash: only whether one that opens the panel is set.</summary>
    /// <summary>The broker's address without its password.</summary>
    private static string AmqpUrlMasked(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.UserInfo.Contains(':', StringComparison.Ordinal)
            ? url.Replace(uri.UserInfo, uri.UserInfo[..uri.UserInfo.IndexOf(':', StringComparison.Ordinal)] + ":***", StringComparison.Ordinal)
            : url;

    private static string AdminPasswordState(string password) => password switch
    {
        "" => "(not set)",
        AdminConfig.SamplePassword => "(sample — run parley config set-admin-password)",
        _ => "(set)",
    };
}
