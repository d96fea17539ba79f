using Parley.Api.Tests.Support;

namespace Parley.Api.Tests.Deployment;

/// <summary>
/// What can be checked of deploy/Dockerfile without a Docker engine: the build context it copies from, the
/// <c>.dockerignore</c> that trims it, and the <c>parley</c> command and entrypoint it installs, run here as scripts.
/// </summary>
public sealed class ContainerImageTests
{
    // The folders a host build leaves in the checkout; none of them may reach the image build.
    private static readonly string[] BuildOutputFolders = ["bin", "obj", "node_modules", "TestResults"];

    private static string Root => RepoPaths.Root;
    private static Dockerfile Dockerfile => Dockerfile.Read(Path.Combine(Root, "deploy", "Dockerfile"));
    private static DockerIgnore Ignore => DockerIgnore.Read(Path.Combine(Root, ".dockerignore"));

    [Fact]
    public void EveryPathTheDockerfileCopiesFromTheCheckoutExistsAndReachesTheBuild()
    {
        var sources = Dockerfile.Copies().Where(c => c.FromStage is null).SelectMany(c => c.Sources).ToList();
        Assert.Contains("deploy/parley.sh", sources);
        Assert.Contains("src/", sources);
        foreach (var source in sources)
        {
            var path = Path.Combine(Root, source);
            Assert.True(File.Exists(path) || Directory.Exists(path), $"COPY {source}: not in the checkout");
            Assert.False(Ignore.Excludes(source), $"COPY {source}: left out of the build context by .dockerignore");
            if (Directory.Exists(path))
            {
                var dropped = SourceFiles(path).Select(RelativePath).Where(Ignore.Excludes).ToList();
                Assert.True(dropped.Count == 0, $"COPY {source}: .dockerignore leaves out sources: {string.Join(", ", dropped.Take(10))}");
            }
        }
    }

    [Theory]
    [InlineData(".git/HEAD")]
    [InlineData(".parley/comments.db")]
    [InlineData(".parley/isso.cfg")]
    [InlineData("client/node_modules/esbuild/package.json")]
    [InlineData("src/Parley/bin/Release/net10.0/parley.dll")]
    [InlineData("src/Parley.Core/obj/project.assets.json")]
    [InlineData("src/Parley/wwwroot/js/embed.min.js")]
    [InlineData("src/Parley/wwwroot/css/isso.css")]
    [InlineData("tests/Parley.Api.Tests/TestResults/run.trx")]
    [InlineData("artifacts/screenshots/thread-light.png")]
    [InlineData("comments.db")]
    public void TheBuildContextLeavesOutDependenciesBuildOutputsAndLocalData(string path) =>
        Assert.True(Ignore.Excludes(path), $"{path} would be sent to the image build");

    [Fact]
    public void EveryBuildOutputFolderOfThisCheckoutIsLeftOutOfTheBuildContext()
    {
        var folders = BuildOutputs(new DirectoryInfo(Root)).Select(d => RelativePath(d.FullName)).ToList();
        // This suite's own build made some (src/Parley/bin at least), so the check below has something to look at.
        Assert.Contains("src/Parley/bin", folders);
        Assert.All(folders, folder => Assert.True(Ignore.Excludes(folder + "/some-file"), $"{folder} would be sent to the image build"));
    }

    [Fact]
    public void TheDockerfileInstallsTheParleyCommandOnThePathAndUsesItForTheHealthCheck()
    {
        var install = Assert.Single(Dockerfile.Copies(), c => c.Sources.Contains("deploy/parley.sh"));
        Assert.Equal("/usr/local/bin/parley", install.Destination);
        Assert.Contains(Dockerfile.Arguments("RUN"), run => run.Contains("chmod 0755 /usr/local/bin/parley ", StringComparison.Ordinal));
        Assert.Contains(Dockerfile.Arguments("HEALTHCHECK"), check => check.EndsWith("CMD [\"parley\", \"health\"]", StringComparison.Ordinal));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task TheParleyCommandRunsTheParleyDllInItsHome()
    {
        var script = Path.Combine(Root, "deploy", "parley.sh");
        Assert.True(File.GetUnixFileMode(script).HasFlag(UnixFileMode.UserExecute), "deploy/parley.sh is not executable");

        var help = await ExternalCommand.RunAsync(script, ["--help"], Home(Path.GetDirectoryName(RepoPaths.ParleyDll)!));

        Assert.True(help.ExitCode == 0, help.ToString());
        Assert.Contains("parley [command] [options]", help.Output, StringComparison.Ordinal);
        Assert.Contains("health", help.Output, StringComparison.Ordinal);

        using var empty = TempConfig.Missing();
        var missing = await ExternalCommand.RunAsync(script, ["--help"], Home(Path.GetDirectoryName(empty.Path)!));
        Assert.NotEqual(0, missing.ExitCode);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task TheEntrypointWritesAPrivateStarterConfigAndRunsParleyFromThePath()
    {
        using var config = TempConfig.Missing();
        var folder = Path.GetDirectoryName(config.Path)!;
        var bin = Directory.CreateDirectory(Path.Combine(folder, "bin")).FullName;
        File.CreateSymbolicLink(Path.Combine(bin, "parley"), Path.Combine(Root, "deploy", "parley.sh"));
        var environment = new Dictionary<string, string?>(Home(Path.GetDirectoryName(RepoPaths.ParleyDll)!))
        {
            ["PATH"] = bin + ":" + Environment.GetEnvironmentVariable("PATH"),
            ["ISSO_SETTINGS"] = config.Path,
            ["PARLEY_WEBSITE"] = "https://blog.example.org",
        };

        var result = await ExternalCommand.RunAsync(Path.Combine(Root, "deploy", "docker-entrypoint.sh"), ["config", "show"], environment);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(config.Path));
        Assert.Contains("[general] dbpath = /data/comments.db", result.Output, StringComparison.Ordinal);
        Assert.Contains("[general] host = https://blog.example.org", result.Output, StringComparison.Ordinal);
        Assert.Contains("[server] listen = http://0.0.0.0:8080", result.Output, StringComparison.Ordinal);
    }

    private static Dictionary<string, string?> Home(string folder) => new() { ["PARLEY_HOME"] = folder };

    private static string RelativePath(string path) => Path.GetRelativePath(Root, path).Replace('\\', '/');

    // Every file below a copied folder except what a host build put there.
    private static List<string> SourceFiles(string folder)
    {
        var files = new List<string>();
        var pending = new Stack<DirectoryInfo>([new DirectoryInfo(folder)]);
        while (pending.TryPop(out var directory))
        {
            files.AddRange(directory.EnumerateFiles().Select(f => f.FullName));
            foreach (var child in directory.EnumerateDirectories())
            {
                if (!BuildOutputFolders.Contains(child.Name) && !IsClientBuildOutput(child.FullName))
                {
                    pending.Push(child);
                }
            }
        }
        return files;
    }

    private static bool IsClientBuildOutput(string folder) =>
        RelativePath(folder) is "src/Parley/wwwroot/js" or "src/Parley/wwwroot/css";

    private static IEnumerable<DirectoryInfo> BuildOutputs(DirectoryInfo directory)
    {
        foreach (var child in directory.EnumerateDirectories())
        {
            if (child.Name == ".git")
            {
                continue;
            }
            if (BuildOutputFolders.Contains(child.Name))
            {
                yield return child;
            }
            else
            {
                foreach (var inner in BuildOutputs(child))
                {
                    yield return inner;
                }
            }
        }
    }
}
