using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;

namespace Parley.Http.Static;

/// <summary>
/// The browser client's files (wwwroot: scripts, styles, translations, the demo page), read once at start-up and
/// served from memory by <see cref="ServeClientFiles"/>: reading them from disk for every page view cost half the
/// throughput of <c>/js/embed.min.js</c>. A build without the client has none, and anything left out stays on disk.
/// </summary>
internal sealed class ClientFiles
{
    // Larger files are not part of the client; they are left to the static file middleware.
    private const long LargestFile = 1024 * 1024;

    // Source maps are only ever read by developer tools and weigh as much as the client itself; .gz and .br are the
    // build's compressed copies of the other files.
    private static readonly string[] LeftOnDisk = [".map", ".gz", ".br"];

    private readonly Dictionary<string, ClientFile> _files;

    private ClientFiles(Dictionary<string, ClientFile> files) => _files = files;

    /// <summary>The file at this request path, exactly (the file system is case-sensitive too), or null.</summary>
    public ClientFile? Find(PathString path) => path.Value is { } value && _files.TryGetValue(value, out var file) ? file : null;

    public static ClientFiles Load(IFileProvider webRoot, ILogger<ClientFiles> log)
    {
        var all = new Dictionary<string, IFileInfo>(StringComparer.Ordinal);
        Collect(webRoot, "", all);
        var types = new FileExtensionContentTypeProvider();
        var files = new Dictionary<string, ClientFile>(StringComparer.Ordinal);
        foreach (var (path, info) in all)
        {
            if (LeftOnDisk.Any(end => path.EndsWith(end, StringComparison.Ordinal)) || info.Length > LargestFile
                || !types.TryGetContentType(path, out var type))
            {
                continue;
            }
            files[path] = ClientFile.Create(Read(info), type, Copy(all, path + ".gz"), Copy(all, path + ".br"));
        }
        if (files.Count > 0)
        {
            log.LogInformation("Serving {Count} client files from memory ({Bytes:N0} bytes, {Gzip:N0} gzip, {Brotli} with a brotli copy): {Paths}",
                files.Count, files.Values.Sum(f => (long)f.Plain.Bytes.Length), files.Values.Sum(f => (long)(f.Gzip ?? f.Plain).Bytes.Length),
                files.Values.Count(f => f.Brotli is not null), Describe(files.Keys));
        }
        return new ClientFiles(files);
    }

    // "/css/isso.css, /js/embed.min.js, /js/i18n/ (45 files)": a folder of many files is named, not listed.
    private static string Describe(IEnumerable<string> paths) => string.Join(", ", paths
        .GroupBy(path => path[..(path.LastIndexOf('/') + 1)])
        .OrderBy(folder => folder.Key, StringComparer.Ordinal)
        .SelectMany<IGrouping<string, string>, string>(folder => folder.Count() > 8 ? [$"{folder.Key} ({folder.Count()} files)"] : folder.Order(StringComparer.Ordinal)));

    // Every file under the web root by request path ("/js/embed.min.js").
    private static void Collect(IFileProvider root, string folder, Dictionary<string, IFileInfo> into)
    {
        foreach (var entry in root.GetDirectoryContents(folder))
        {
            var path = $"{folder}/{entry.Name}";
            if (entry.IsDirectory)
            {
                Collect(root, path, into);
            }
            else
            {
                into[path] = entry;
            }
        }
    }

    private static byte[]? Copy(Dictionary<string, IFileInfo> all, string path) =>
        all.TryGetValue(path, out var copy) && copy.Length <= LargestFile ? Read(copy) : null;

    private static byte[] Read(IFileInfo info)
    {
        using var stream = info.CreateReadStream();
        var bytes = new byte[info.Length];
        stream.ReadExactly(bytes);
        return bytes;
    }
}
