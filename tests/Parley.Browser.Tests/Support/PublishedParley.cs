namespace Parley.Browser.Tests.Support;

/// <summary>A published copy of the server in a temporary folder, deleted on dispose: it must be complete there, client files included.</summary>
public sealed class PublishedParley : IDisposable
{
    private PublishedParley(string folder) => Folder = folder;

    public string Folder { get; }

    public string Dll => Path.Combine(Folder, "parley.dll");

    public static async Task<PublishedParley> PublishAsync()
    {
        var folder = Directory.CreateTempSubdirectory("parley-published-").FullName;
        await Publish.ServerAsync(folder);
        return new PublishedParley(folder);
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
