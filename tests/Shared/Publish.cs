using System.Diagnostics;

namespace Parley.Tests.Shared;

/// <summary>
/// <c>dotnet publish src/Parley</c> into a folder, as a packager or the README's install steps do. The suite's build
/// already compiled it in the suite's configuration (<c>--no-build</c>), so this only lays it out.
/// </summary>
public static class Publish
{
    public static async Task ServerAsync(string target)
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "publish", Path.Combine(Checkout.Root, "src", "Parley"), "-c", configuration, "--no-build", "-o", target, "--nologo", "-v", "quiet" })
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"dotnet publish failed:\n{await output}\n{await error}");
    }
}
