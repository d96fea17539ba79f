using System.CommandLine;
using System.Net;
using System.Text.RegularExpressions;
using Parley.Core.Config;

namespace Parley.Cli.Config;

/// <summary><c>parley config embed-code</c>: the markup a page adds to show comments (README, "Embedding comments").</summary>
internal static partial class EmbedCodeCommand
{
    public static Command Create(Option<string> configOption)
    {
        var endpoint = new Option<string>("--public-endpoint")
        {
            HelpName = "URL",
            Description = "The public address of the comment server, like https://comments.example.org; default: [server] public-endpoint.",
        };
        var language = new Option<string>("--language") { HelpName = "CODE", Description = "Adds data-isso-lang: the widget's language (like de or pt-BR) instead of the reader's browser language." };
        var command = new Command("embed-code", "Print the script tag and the thread section to paste into a page. Changes nothing.")
        {
            endpoint, language,
        };
        command.SetAction(result => Run(result.GetValue(configOption)!, result.GetValue(endpoint), result.GetValue(language)));
        return command;
    }

    private static int Run(string configPath, string? given, string? language)
    {
        if (language is not null && !LanguageCode().IsMatch(language))
        {
            return Refuse($"--language: \"{language}\" is not a language code like en, de or pt-BR");
        }
        var source = "--public-endpoint";
        if (given is null)
        {
            given = ConfigFile.Load(StartupConfig.PathOf(configPath), Environment.GetEnvironmentVariable).Config.Server.PublicEndpoint;
            source = "[server] public-endpoint";
            if (given.Length == 0)
            {
                return Refuse($"no public address: give --public-endpoint https://comments.example.org or set [server] public-endpoint "
                    + $"(parley -c {configPath} config configure-server --public-endpoint URL)");
            }
        }
        if (!WebAddress.TryEndpoint(given, out var url, out var reason))
        {
            return Refuse($"{source}: {reason}");
        }
        var lang = language is null ? "" : $" data-isso-lang=\"{language}\"";
        Console.WriteLine($"<script data-isso=\"{WebUtility.HtmlEncode(url)}/\"{lang} src=\"{WebUtility.HtmlEncode(url)}/js/embed.min.js\" async></script>");
        Console.WriteLine("<section id=\"isso-thread\"><noscript>Javascript needs to be activated to view comments.</noscript></section>");
        return 0;
    }

    private static int Refuse(string reason)
    {
        Console.Error.WriteLine($"Cannot print the embed code: {reason}.");
        return 1;
    }

    [GeneratedRegex("^[a-z]{2,3}(-[A-Za-z]{2,4})?$")]
    private static partial Regex LanguageCode();
}
