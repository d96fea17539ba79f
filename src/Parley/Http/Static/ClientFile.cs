using System.Buffers;
using System.IO.Compression;
using System.Security.Cryptography;

namespace Parley.Http.Static;

/// <summary>One body of a <see cref="ClientFile"/> as it goes on the wire, with its entity tag.</summary>
internal sealed record ClientFileBody(byte[] Bytes, string ETag, string? ContentEncoding);

/// <summary>
/// A file of the browser client held in memory: its bytes, a gzip copy and, when the build left one, a brotli copy.
/// Each body has its own strong entity tag, a digest of the file marked with the encoding, as RFC 9110 asks of two
/// encodings of one resource.
/// </summary>
/// <remarks>
/// The build writes <c>.gz</c> and (when publishing) <c>.br</c> copies beside each file; one that decodes to exactly
/// the file is taken as it is. Without it, gzip is made here with the best compression; brotli's best takes about a
/// second for the whole client, too slow for start-up, so there is none. Taking the copies also spares the memory that
/// compressing leaves behind in an idle server.
/// </remarks>
internal sealed class ClientFile
{
    private ClientFile(string contentType, ClientFileBody plain, ClientFileBody? gzip, ClientFileBody? brotli)
    {
        ContentType = contentType;
        Plain = plain;
        Gzip = gzip;
        Brotli = brotli;
    }

    public string ContentType { get; }

    public ClientFileBody Plain { get; }

    /// <summary>Null when gzip would save little: already compressed formats, tiny files.</summary>
    public ClientFileBody? Gzip { get; }

    /// <summary>Null without a brotli copy that decodes to exactly this file.</summary>
    public ClientFileBody? Brotli { get; }

    /// <summary>Whether the answer depends on Accept-Encoding.</summary>
    public bool IsEncoded => Gzip is not null || Brotli is not null;

    /// <param name="bytes">The file.</param>
    /// <param name="contentType">Its media type.</param>
    /// <param name="gzipCopy">The build's <c>.gz</c> copy beside it, if any.</param>
    /// <param name="brotliCopy">The build's <c>.br</c> copy beside it, if any.</param>
    public static ClientFile Create(byte[] bytes, string contentType, byte[]? gzipCopy, byte[]? brotliCopy)
    {
        var digest = Convert.ToBase64String(SHA256.HashData(bytes), 0, 15).Replace('+', '-').Replace('/', '_');
        var gzip = gzipCopy is not null && Decodes(gzipCopy, bytes, Gunzip) ? gzipCopy : Compress(bytes);
        var brotli = brotliCopy is not null && Decodes(brotliCopy, bytes, Unbrotli) ? brotliCopy : null;
        return new ClientFile(contentType, new ClientFileBody(bytes, $"\"{digest}\"", null),
            Pays(gzip, bytes) ? new ClientFileBody(gzip, $"\"{digest}-gzip\"", "gzip") : null,
            brotli is not null && Pays(brotli, bytes) ? new ClientFileBody(brotli, $"\"{digest}-br\"", "br") : null);
    }

    // Past 90 % of the size, the saving does not pay for a second body and the Vary header.
    private static bool Pays(byte[] encoded, byte[] bytes) => encoded.Length < bytes.Length * 0.9;

    // Start-up work leaves no garbage behind (an idle server's memory is one of Parley's targets): the work buffers are
    // borrowed. Deflate grows incompressible input by a few bytes in 16 KiB, so the buffer always holds the result.
    private static byte[] Compress(byte[] bytes)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(bytes.Length + (bytes.Length / 100) + 1024);
        try
        {
            using var output = new MemoryStream(buffer);
            using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
            {
                gzip.Write(bytes);
            }
            return buffer.AsSpan(0, (int)output.Position).ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    // A copy left over from an older build must not be served for a newer file: it must decode to exactly the file.
    // The buffer is one byte longer than the file, so a longer decoding shows.
    private static bool Decodes(byte[] copy, byte[] bytes, Func<byte[], byte[], int> decode)
    {
        var decoded = ArrayPool<byte>.Shared.Rent(bytes.Length + 1);
        try
        {
            return decode(copy, decoded) is var written && written == bytes.Length && decoded.AsSpan(0, written).SequenceEqual(bytes);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(decoded);
        }
    }

    private static int Gunzip(byte[] copy, byte[] into)
    {
        try
        {
            using var gzip = new GZipStream(new MemoryStream(copy), CompressionMode.Decompress);
            return gzip.ReadAtLeast(into, into.Length, throwOnEndOfStream: false);
        }
        catch (InvalidDataException)
        {
            return -1;
        }
    }

    private static int Unbrotli(byte[] copy, byte[] into) => BrotliDecoder.TryDecompress(copy, into, out var written) ? written : -1;
}
