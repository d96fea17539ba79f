using Parley.Api.Tests.Support;

namespace Parley.Api.Tests.Deployment;

/// <summary>deploy/parley.service as shipped: what systemd itself says of it, and the promises the README makes for it.</summary>
public sealed class SystemdUnitTests
{
    private const string SystemdAnalyze = "/usr/bin/systemd-analyze";
    private const string ShippedDotnet = "/usr/bin/dotnet";

    private static string Unit => File.ReadAllText(Path.Combine(RepoPaths.Root, "deploy", "parley.service"));

    [Fact]
    public async Task SystemdAnalyzeVerifyFindsNoProblemInTheShippedUnit()
    {
        Assert.True(File.Exists(SystemdAnalyze), $"{SystemdAnalyze} is missing: install Debian's systemd package (test.sh does)");
        var folder = Directory.CreateTempSubdirectory("parley-systemd-").FullName;
        try
        {
            // verify checks that ExecStart's program exists; the unit names Debian's /usr/bin/dotnet, this
            // machine's may be elsewhere. Only that path is changed: every other line is the shipped one.
            var unit = Path.Combine(folder, "parley.service");
            Assert.Contains($"ExecStart={ShippedDotnet} ", Unit, StringComparison.Ordinal);
            await File.WriteAllTextAsync(unit, Unit.Replace($"ExecStart={ShippedDotnet} ", $"ExecStart={Dotnet()} ", StringComparison.Ordinal));

            var result = await ExternalCommand.RunAsync(SystemdAnalyze, ["verify", unit]);

            Assert.True(result.ExitCode == 0 && result.Output.Length == 0 && result.Error.Length == 0, result.ToString());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("User=parley")]
    [InlineData("Group=parley")]
    [InlineData("StateDirectory=parley")]
    [InlineData("UMask=0077")]
    [InlineData("Environment=ISSO_SETTINGS=/etc/parley/isso.cfg")]
    [InlineData("ExecStart=/usr/bin/dotnet /opt/parley/parley.dll run")]
    [InlineData("ProtectSystem=strict")]
    [InlineData("PrivateTmp=true")]
    public void TheUnitRunsTheInstalledServerAsItsOwnUserWithPrivateState(string line) =>
        Assert.Contains(line, Unit.Split('\n').Select(l => l.Trim()));

    [Theory]
    // The user the unit runs as is created, before anything is written as that user.
    [InlineData("useradd --system --user-group --home-dir /var/lib/parley --shell /usr/sbin/nologin parley")]
    // The published server is where ExecStart looks for it.
    [InlineData("-o /opt/parley")]
    // The configuration is where ISSO_SETTINGS points, and keeps the database in the state directory.
    [InlineData("/etc/parley/isso.cfg")]
    [InlineData("dbpath = /var/lib/parley/comments.db")]
    [InlineData("install -m 0644 deploy/parley.service /etc/systemd/system/parley.service")]
    [InlineData("systemctl enable --now parley")]
    public void TheReadmesSystemdStepsMatchTheUnit(string step)
    {
        var readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));
        var start = readme.IndexOf("### systemd", StringComparison.Ordinal);
        Assert.True(start >= 0, "README.md has no \"### systemd\" section");
        // The section ends at the next heading of level 2 or 3 (a shell comment in it starts with one #).
        var end = new[] { "\n## ", "\n### " }.Select(h => readme.IndexOf(h, start + 1, StringComparison.Ordinal)).Where(i => i > 0).DefaultIfEmpty(readme.Length).Min();
        Assert.Contains(step, readme[start..end], StringComparison.Ordinal);
    }

    // The dotnet this test runs under: the SDK sets DOTNET_HOST_PATH for test hosts; otherwise the first on PATH.
    private static string Dotnet()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host))
        {
            return host;
        }
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, "dotnet")).FirstOrDefault(File.Exists);
        return onPath ?? throw new InvalidOperationException("No dotnet on PATH");
    }
}
