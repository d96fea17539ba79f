using System.Reflection;

namespace Parley.Api.Tests.Support;

/// <summary>Where things live in the repository the tests were built from.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    /// <summary>The folder holding <c>Parley.slnx</c>, found by walking up from the test binaries.</summary>
    public static string Root => LazyRoot.Value;

    /// <summary>The parley.dll built with the same configuration as these tests (the project reference builds it first).</summary>
    public static string ParleyDll => Path.Combine(Root, "src", "Parley", "bin", Configuration, "net10.0", "parley.dll");

    /// <summary>The benchmark harness built with the same configuration (the test project references it to build it).</summary>
    public static string BenchmarksDll =>
        Path.Combine(Root, "bench", "Parley.Benchmarks", "bin", Configuration, "net10.0", "Parley.Benchmarks.dll");

    public static string Fixture(string relativePath) => Path.Combine(Root, "tests", "fixtures", relativePath);

    public static string SmtpCaptureServer => Path.Combine(Root, "tests", "smtp", "capture_server.py");

    private static string Configuration =>
        typeof(RepoPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "ParleyConfiguration").Value!;

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Parley.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"No Parley.slnx above {AppContext.BaseDirectory}");
    }
}
