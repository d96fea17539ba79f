using System.Reflection;

namespace Parley.Tests.Shared;

/// <summary>
/// The checkout a test suite was built from, and what its build produced. Compiled into each suite, so the
/// configuration read here is the suite's own (its csproj records it as <c>ParleyConfiguration</c>).
/// </summary>
public static class Checkout
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    /// <summary>The folder holding <c>Parley.slnx</c>, found by walking up from the test binaries.</summary>
    public static string Root => LazyRoot.Value;

    /// <summary>A file <paramref name="project"/> (a folder below the root) built with the suite's configuration.</summary>
    public static string Built(string project, string file) =>
        Path.Combine(Root, project, "bin", Configuration, "net10.0", file);

    private static string Configuration =>
        typeof(Checkout).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
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
