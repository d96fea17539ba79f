using System.CommandLine;

namespace Parley.Cli.Config;

/// <summary><c>parley config …</c>: the actions that read or edit isso.cfg, keeping everything they do not own.</summary>
internal static class ConfigCommand
{
    public static Command Create(Option<string> configOption) => new("config",
        "Read or edit the configuration file. Edits rewrite only the keys they own (comments, unknown keys and sections "
        + "stay byte for byte), are checked as a whole first (an invalid value changes nothing) and replace the file atomically.")
    {
        SetWebsitesCommand.Create(configOption),
        ConfigureServerCommand.Create(configOption),
        ConfigureSmtpCommand.Create(configOption),
        SetAdminPasswordCommand.Create(configOption),
        EmbedCodeCommand.Create(configOption),
        ShowCommand.Create(configOption),
    };
}
