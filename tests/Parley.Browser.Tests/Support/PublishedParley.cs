using System.Diagnostics;

namespace Parley.Browser.Tests.Support;

/// <summary>
/// <c>dotnet publish src/Parley</c> into a temporary folder, as a packager or the README's install steps do: the
/// server must be complete there, client files included. The suite's build already compiled it, so this only lays it out.
/// </summary>
public sealed class PublishedParley : IDisposable
{
    private PublishedParley(string folder) => Folder = folder;

    public string Folder { get; }

    public string Dll => Path.Combine(Folder, "parley.dll");

    public static async Task<PublishedParley> PublishAsync()
    {
        var folder = Directory.CreateTempSubdirectory("parley-published-").FullName;
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "publish", Path.Combine(Checkout.Root, "src", "Parley"), "-c", configuration, "--no-build", "-o", folder, "--nologo", "-v", "quiet" })
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"dotnet publish failed:\n{await output}\n{await error}");
        return new PublishedParley(folder);
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
