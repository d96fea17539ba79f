using System.IO.Compression;
using System.Security.Cryptography;
using Parley.Http.Static;

namespace Parley.Http.Isso;

/// <summary>
/// A finished JSON answer, in chunks (see <see cref="RawJson"/>), and its entity tag: a digest of the bytes, so equal
/// answers share a tag. An answer of some size also goes out compressed, each coding made once, when first asked for,
/// and kept with the answer as long as it is kept.
/// </summary>
internal sealed class CachedAnswer
{
    /// <summary>Below this, compressing costs the server more than it saves the reader.</summary>
    public const int CompressedFrom = 1024;

    // Stands for "compressing did not pay": the answer goes out as it is.
    private static readonly CompressedAnswer NotWorthIt = new([], "", "");

    private string? _etag;
    private CompressedAnswer? _brotli;
    private CompressedAnswer? _gzip;

    public CachedAnswer(byte[][] chunks)
    {
        Chunks = chunks;
        Length = chunks.Sum(chunk => chunk.Length);
    }

    public byte[][] Chunks { get; }

    public int Length { get; }

    // Made when first asked for: answers to POST requests never carry one.
    public string ETag => _etag ??= Digest();

    /// <summary>Whether the body depends on the request's <c>Accept-Encoding</c>.</summary>
    public bool IsCompressible => Length >= CompressedFrom;

    /// <summary>The answer in <paramref name="coding"/>, or null to send it as it is (identity, a small answer, or one that does not shrink).</summary>
    public CompressedAnswer? In(ContentCoding coding)
    {
        if (!IsCompressible || coding == ContentCoding.Identity)
        {
            return null;
        }
        ref var kept = ref coding == ContentCoding.Brotli ? ref _brotli : ref _gzip;
        // Two requests at once may both compress; either copy is right.
        var compressed = Volatile.Read(ref kept) ?? Interlocked.CompareExchange(ref kept, Compress(coding), null) ?? kept;
        return ReferenceEquals(compressed, NotWorthIt) ? null : compressed;
    }

    private CompressedAnswer Compress(ContentCoding coding)
    {
        using var buffer = new MemoryStream(Length / 4);
        // Levels for answers made again on each change of a thread: brotli 6 and gzip 6 take a few milliseconds for a
        // 270 kB thread and come out alike; brotli's default (4) came out a fifth larger, its best levels take ten to
        // fifty times longer for a tenth less.
        using (Stream stream = coding == ContentCoding.Brotli
            ? new BrotliStream(buffer, new BrotliCompressionOptions { Quality = 6 }, leaveOpen: true)
            : new GZipStream(buffer, new ZLibCompressionOptions { CompressionLevel = 6 }, leaveOpen: true))
        {
            foreach (var chunk in Chunks)
            {
                stream.Write(chunk);
            }
        }
        if (buffer.Length >= Length * 0.9)
        {
            return NotWorthIt;
        }
        var name = coding == ContentCoding.Brotli ? "br" : "gzip";
        // Each coding is a representation of its own, with a tag of its own (RFC 9110 §8.8.3).
        return new CompressedAnswer(buffer.ToArray(), name, $"{ETag[..^1]}-{name}\"");
    }

    private string Digest()
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var chunk in Chunks)
        {
            sha.AppendData(chunk);
        }
        return $"\"{Convert.ToBase64String(sha.GetHashAndReset(), 0, 15).Replace('+', '-').Replace('/', '_')}\"";
    }
}

/// <summary>A <see cref="CachedAnswer"/> compressed: the bytes, the <c>Content-Encoding</c> and the entity tag.</summary>
internal sealed record CompressedAnswer(byte[] Bytes, string ContentEncoding, string ETag);
