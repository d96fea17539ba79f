using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;

namespace Parley.Core.Backup;

/// <summary>
/// A backup is a gzip'd tar of <c>manifest.json</c> (first), <c>comments.db</c> and <c>isso.cfg</c>. Reading
/// checks the format, every checksum and that exactly the listed files are present.
/// </summary>
public static class BackupArchive
{
    public const string DatabaseName = "comments.db";
    public const string ConfigName = "isso.cfg";
    private const string ManifestName = "manifest.json";
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>Writes the archive from files on disk (the database file must already be a consistent snapshot).</summary>
    public static async Task WriteAsync(string archivePath, BackupManifest counts, IReadOnlyDictionary<string, string> files, CancellationToken ct)
    {
        var listed = new List<BackupFile>();
        foreach (var (name, path) in files)
        {
            await using var stream = File.OpenRead(path);
            listed.Add(new BackupFile(name, stream.Length, Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, ct))));
        }
        var manifest = counts with { Files = listed };
        await using var output = File.Create(archivePath);
        await using var gzip = new GZipStream(output, CompressionLevel.SmallestSize);
        await using var tar = new TarWriter(gzip, TarEntryFormat.Pax, leaveOpen: false);
        var manifestEntry = new PaxTarEntry(TarEntryType.RegularFile, ManifestName)
        {
            DataStream = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(manifest, Indented)),
        };
        await tar.WriteEntryAsync(manifestEntry, ct);
        foreach (var (name, path) in files)
        {
            await tar.WriteEntryAsync(path, name, ct);
        }
    }

    /// <summary>
    /// Unpacks into <paramref name="directory"/> after checking everything; throws <see cref="BackupDamagedException"/>
    /// with the reason when the archive is not a complete, intact Parley backup.
    /// </summary>
    public static async Task<BackupManifest> ExtractVerifiedAsync(string archivePath, string directory, CancellationToken ct)
    {
        BackupManifest? manifest = null;
        var seen = new Dictionary<string, BackupFile>(StringComparer.Ordinal);
        try
        {
            await using var input = File.OpenRead(archivePath);
            await using var gzip = new GZipStream(input, CompressionMode.Decompress);
            await using var tar = new TarReader(gzip);
            while (await tar.GetNextEntryAsync(copyData: false, ct) is { } entry)
            {
                if (manifest is null)
                {
                    manifest = await ReadManifestAsync(entry, ct);
                    continue;
                }
                var expected = manifest.Files.FirstOrDefault(f => f.Name == entry.Name)
                    ?? throw new BackupDamagedException($"the archive holds {entry.Name}, which the manifest does not list");
                var target = Path.Combine(directory, expected.Name);
                await entry.ExtractToFileAsync(target, overwrite: false, ct);
                await using var written = File.OpenRead(target);
                var hash = Convert.ToHexStringLower(await SHA256.HashDataAsync(written, ct));
                if (written.Length != expected.Size || hash != expected.Sha256)
                {
                    throw new BackupDamagedException($"{expected.Name} is damaged: its checksum does not match the manifest");
                }
                seen[expected.Name] = expected;
            }
        }
        catch (Exception e) when (e is EndOfStreamException or FormatException or InvalidDataException
            or (IOException and not FileNotFoundException))
        {
            throw new BackupDamagedException($"the archive is truncated or not a gzip'd tar ({e.Message})", e);
        }
        if (manifest is null)
        {
            throw new BackupDamagedException("the archive is empty");
        }
        var missing = manifest.Files.Select(f => f.Name).Where(n => !seen.ContainsKey(n)).ToList();
        if (missing.Count > 0 || !seen.ContainsKey(DatabaseName))
        {
            throw new BackupDamagedException($"the archive is incomplete: {string.Join(", ", missing.DefaultIfEmpty(DatabaseName))} missing");
        }
        return manifest;
    }

    private static async Task<BackupManifest> ReadManifestAsync(TarEntry entry, CancellationToken ct)
    {
        if (entry.Name != ManifestName || entry.DataStream is null)
        {
            throw new BackupDamagedException("this is not a Parley backup (no manifest.json first)");
        }
        BackupManifest? manifest;
        try
        {
            manifest = await JsonSerializer.DeserializeAsync<BackupManifest>(entry.DataStream, cancellationToken: ct);
        }
        catch (JsonException e)
        {
            throw new BackupDamagedException($"manifest.json is not valid JSON ({e.Message})", e);
        }
        if (manifest is not { Format: BackupManifest.FormatName })
        {
            throw new BackupDamagedException("this is not a Parley backup (manifest format)");
        }
        if (manifest.Version > BackupManifest.CurrentVersion)
        {
            throw new BackupDamagedException($"backup version {manifest.Version} is newer than this Parley understands ({BackupManifest.CurrentVersion})");
        }
        if (manifest.Files.Any(f => f.Name is not (DatabaseName or ConfigName)))
        {
            throw new BackupDamagedException("the manifest lists unexpected files");
        }
        return manifest;
    }
}
