using System.CommandLine;
using Parley.Cli;

// Parse the command line and dispatch; everything else lives in Cli/ and Hosting/.
var root = new RootCommand("Parley: a self-hosted comment server that speaks Isso's API.");
var configOption = new Option<string>("--config", "-c")
{
    Description = "Configuration file (isso.cfg); the ISSO_SETTINGS variable takes precedence.",
    DefaultValueFactory = _ => "/etc/isso.cfg",
    Recursive = true,
};
root.Options.Add(configOption);
root.Subcommands.Add(RunCommand.Create(configOption));
root.Subcommands.Add(ImportCommand.Create(configOption));
root.Subcommands.Add(ExportCommand.Create(configOption));
root.SetAction((result, ct) => RunCommand.RunAsync(result.GetValue(configOption)!, ct));
return await root.Parse(args).InvokeAsync();
