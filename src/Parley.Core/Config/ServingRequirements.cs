namespace Parley.Core.Config;

/// <summary>
/// What a valid configuration must also have before a server may run with it, at start-up and on every reload:
/// a website to serve, and a real password for an enabled admin panel. Each problem names the command that fixes it.
/// </summary>
public static class ServingRequirements
{
    public static IReadOnlyList<ConfigProblem> Check(ParleyConfig config, string configPath)
    {
        ArgumentNullException.ThrowIfNull(config);
        var problems = new List<ConfigProblem>();
        if (config.General.Host.Count == 0)
        {
            problems.Add(new ConfigProblem("general", "host",
                $"no website may embed the comments; name yours with `parley -c {configPath} config set-websites https://your.site`"));
        }
        if (config.Admin.Enabled && config.Admin.Password is "" or AdminConfig.SamplePassword)
        {
            // The sample password is printed in Isso's documentation: an admin panel behind it is open to anyone.
            problems.Add(new ConfigProblem("admin", "password",
                $"[admin] enabled = true but no admin password is set; run `parley -c {configPath} config set-admin-password` "
                + "to create one, or set [admin] enabled = false"));
        }
        return problems;
    }
}
