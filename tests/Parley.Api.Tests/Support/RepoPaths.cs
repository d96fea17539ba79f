namespace Parley.Api.Tests.Support;

/// <summary>Where things live in the repository the tests were built from.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    /// <summary>The folder holding <c>Parley.slnx</c>, found by walking up from the test binaries.</summary>
    public static string Root => LazyRoot.Value;

    public static string SmtpCaptureServer => Path.Combine(Root, "tests", "smtp", "capture_server.py");

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
