// Isso signs with HMAC-SHA1 and hashes text with SHA-1; the algorithm is fixed by existing tokens and links.
#pragma warning disable CA5350
using System.Buffers.Binary;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Parley.Core.Security;

/// <summary>
/// Isso's signed tokens (spec/signing.md §1): itsdangerous' URL-safe timed serializer with HMAC-SHA1,
/// keyed by the database's session key, so cookies and e-mailed links minted by Isso keep working.
/// </summary>
public sealed class TokenSigner
{
    /// <summary>Moderation and unsubscribe links: 2^32 seconds, effectively forever.</summary>
    public const long LinkMaxAge = 4294967296;

    private readonly byte[] _key;
    private readonly TimeProvider _time;

    public TokenSigner(string secret, TimeProvider time)
    {
        _key = SHA1.HashData(Encoding.UTF8.GetBytes("itsdangerous" + "signer" + secret));
        _time = time;
    }

    /// <summary>Signs an already serialised compact JSON value (see <see cref="PyJson"/>).</summary>
    public string Sign(string json)
    {
        var raw = Encoding.UTF8.GetBytes(json);
        var compressed = Deflate(raw);
        var payload = compressed.Length < raw.Length - 1 ? "." + Base64Url(compressed) : Base64Url(raw);
        var value = payload + "." + Base64Url(Timestamp(_time.GetUtcNow().ToUnixTimeSeconds()));
        return value + "." + Base64Url(Mac(value));
    }

    /// <summary>
    /// Checks signature and age (0 ≤ age ≤ <paramref name="maxAge"/> seconds) and returns the JSON value,
    /// or null for any invalid, forged or expired token.
    /// </summary>
    public JsonElement? Verify(string? token, long maxAge) => Check(token, maxAge, out var value) == TokenStatus.Valid ? value : null;

    /// <summary>
    /// Like <see cref="Verify"/>, but tells an expired token (genuine signature, too old or from the future)
    /// from an invalid one, so a reader can be told to ask for a new link. A forged token is never "expired".
    /// </summary>
    public TokenStatus Check(string? token, long maxAge, out JsonElement value)
    {
        value = default;
        if (string.IsNullOrEmpty(token))
        {
            return TokenStatus.Invalid;
        }
        var lastDot = token.LastIndexOf('.');
        if (lastDot <= 0)
        {
            return TokenStatus.Invalid;
        }
        var signed = token[..lastDot];
        // Compared as canonical text so that spare low bits in the last Base64 character cannot vary.
        var signature = Encoding.ASCII.GetBytes(token[(lastDot + 1)..]);
        if (!CryptographicOperations.FixedTimeEquals(signature, Encoding.ASCII.GetBytes(Base64Url(Mac(signed)))))
        {
            return TokenStatus.Invalid;
        }
        var tsDot = signed.LastIndexOf('.');
        if (tsDot < 0)
        {
            return TokenStatus.Invalid;
        }
        var tsBytes = FromBase64Url(signed[(tsDot + 1)..]);
        if (tsBytes is null || tsBytes.Length is 0 or > 8)
        {
            return TokenStatus.Invalid;
        }
        var padded = new byte[8];
        tsBytes.CopyTo(padded, 8 - tsBytes.Length);
        var signedAt = BinaryPrimitives.ReadUInt64BigEndian(padded);
        var age = (decimal)_time.GetUtcNow().ToUnixTimeSeconds() - signedAt;
        if (age < 0 || age > maxAge)
        {
            return TokenStatus.Expired;
        }
        if (Decode(signed[..tsDot]) is not { } decoded)
        {
            return TokenStatus.Invalid;
        }
        value = decoded;
        return TokenStatus.Valid;
    }

    private static JsonElement? Decode(string payload)
    {
        try
        {
            var compressed = payload.StartsWith('.');
            var bytes = FromBase64Url(compressed ? payload[1..] : payload);
            if (bytes is null)
            {
                return null;
            }
            if (compressed)
            {
                bytes = Inflate(bytes);
            }
            using var doc = JsonDocument.Parse(bytes);
            return doc.RootElement.Clone();
        }
        catch (Exception e) when (e is JsonException or InvalidDataException)
        {
            return null;
        }
    }

    private byte[] Mac(string value) => HMACSHA1.HashData(_key, Encoding.ASCII.GetBytes(value));

    private static byte[] Timestamp(long seconds)
    {
        var bytes = new byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(bytes, (ulong)seconds);
        var first = 0;
        while (first < 7 && bytes[first] == 0)
        {
            first++;
        }
        return bytes[first..];
    }

    private static byte[] Deflate(byte[] data)
    {
        using var output = new MemoryStream();
        using (var z = new ZLibStream(output, new ZLibCompressionOptions { CompressionLevel = 6 }))
        {
            z.Write(data);
        }
        return output.ToArray();
    }

    private static byte[] Inflate(byte[] data)
    {
        using var input = new MemoryStream(data);
        using var z = new ZLibStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        // Tokens are tiny; refuse a decompression bomb rather than allocate without bound.
        var buffer = new byte[4096];
        int n;
        while ((n = z.Read(buffer)) > 0)
        {
            output.Write(buffer, 0, n);
            if (output.Length > 64 * 1024)
            {
                throw new InvalidDataException("token payload too large");
            }
        }
        return output.ToArray();
    }

    internal static string Base64Url(byte[] data) =>
        Convert.ToBase64String(data).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    internal static byte[]? FromBase64Url(string text)
    {
        var s = text.Replace('-', '+').Replace('_', '/');
        switch (s.Length % 4)
        {
            case 2: s += "=="; break;
            case 3: s += "="; break;
            case 1: return null;
            default: break;
        }
        try
        {
            return Convert.FromBase64String(s);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
