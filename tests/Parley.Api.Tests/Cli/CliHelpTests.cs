using System.Text.RegularExpressions;
using Parley.Api.Tests.Support;

namespace Parley.Api.Tests.Cli;

public sealed partial class CliHelpTests
{
    public static TheoryData<string, string[]> Commands => new()
    {
        { "", ["--config", "run", "config", "health"] },
        { "config", ["set-websites", "configure-server", "configure-smtp", "set-admin-password", "embed-code", "show"] },
        { "config set-websites", ["<origin>"] },
        {
            "config configure-server",
            ["--listen", "--public-endpoint", "--trusted-proxy", "--samesite", "--moderation", "--max-age", "--ratelimit",
                "--require-email", "--require-author", "--reply-notifications", "--thread-notifications"]
        },
        { "config configure-smtp", ["--host", "--port", "--security", "--username", "--password-stdin", "--from", "--to", "--timeout", "--notify"] },
        { "config set-admin-password", [] },
        { "config embed-code", ["--public-endpoint", "--language"] },
        { "config show", [] },
        { "health", ["--url"] },
        { "run", [] },
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task HelpDescribesTheCommandAndEveryOptionAndArgument(string command, string[] expected)
    {
        var result = await ParleyCli.RunAsync([.. command.Split(' ', StringSplitOptions.RemoveEmptyEntries), "--help"]);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches(@"Description:\n  \S", result.Output);
        var described = new List<string>();
        foreach (Match block in Block().Matches(result.Output))
        {
            // Rows start two spaces in; a wrapped description continues further in.
            foreach (var line in block.Groups["rows"].Value.Split('\n').Where(l => l.Length > 2 && l[2] != ' '))
            {
                var row = Row().Match(line);
                Assert.True(row.Success && row.Groups["text"].Value.Trim().Length > 10, $"no description: \"{line}\"\n{result.Output}");
                described.Add(row.Groups["name"].Value);
            }
        }
        foreach (var name in expected)
        {
            Assert.Contains(described, d => d.Contains(name, StringComparison.Ordinal));
        }
    }

    [GeneratedRegex(@"^(?:Options|Arguments|Commands):\n(?<rows>(?:  [^\n]*\n)+)", RegexOptions.Multiline)]
    private static partial Regex Block();

    // "  --name <X>   description" under Options:, Arguments: or Commands:
    [GeneratedRegex(@"^  (?<name>\S[^\n]*?\S) {2,}(?<text>\S.*)$")]
    private static partial Regex Row();
}
