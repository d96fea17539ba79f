using System.Text.Json.Serialization;

namespace Parley.Core.Backup;

/// <summary>
/// <c>manifest.json</c> of a backup archive: what it holds and the SHA-256 of each file, so a damaged or
/// tampered archive is refused before anything is overwritten.
/// </summary>
public sealed record BackupManifest
{
    public const string FormatName = "parley-backup";
    public const int CurrentVersion = 1;

    [JsonPropertyName("format")] public string Format { get; init; } = FormatName;
    [JsonPropertyName("version")] public int Version { get; init; } = CurrentVersion;
    /// <summary>Unix seconds when the snapshot was taken.</summary>
    [JsonPropertyName("created")] public long Created { get; init; }
    [JsonPropertyName("threads")] public long Threads { get; init; }
    [JsonPropertyName("comments")] public long Comments { get; init; }
    [JsonPropertyName("files")] public IReadOnlyList<BackupFile> Files { get; init; } = [];
}

/// <summary>One file of the archive with its size and lower-case hex SHA-256.</summary>
public sealed record BackupFile(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("size")] long Size,
    [property: JsonPropertyName("sha256")] string Sha256);
