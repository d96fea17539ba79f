using System.CommandLine;
using Parley.Cli;
using Parley.Cli.Config;

// Parse the command line and dispatch; everything else lives in Cli/ and Hosting/.
var root = new RootCommand(
    "Parley: a self-hosted comment server, a drop-in replacement for Isso (same HTTP API, isso.cfg and comments.db). "
    + "Without a command it runs the server, like `run`.");
var configOption = new Option<string>("--config", "-c")
{
    HelpName = "FILE",
    Description = "Configuration file (isso.cfg); the ISSO_SETTINGS variable takes precedence.",
    DefaultValueFactory = _ => "/etc/isso.cfg",
    Recursive = true,
};
root.Options.Add(configOption);
root.Subcommands.Add(RunCommand.Create(configOption));
root.Subcommands.Add(ImportCommand.Create(configOption));
root.Subcommands.Add(ExportCommand.Create(configOption));
root.Subcommands.Add(ImportDbCommand.Create(configOption));
root.Subcommands.Add(BackupCommand.Create(configOption, TimeProvider.System));
root.Subcommands.Add(RestoreCommand.Create(configOption));
root.Subcommands.Add(ConfigCommand.Create(configOption));
root.Subcommands.Add(HealthCommand.Create(configOption));
root.SetAction((result, ct) => RunCommand.RunAsync(result.GetValue(configOption)!, ct));
return await root.Parse(args).InvokeAsync();
