using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Parley.Core.Caching;
using Parley.Core.Config;

namespace Parley.Core.Security;

/// <summary>
/// The <c>hash</c> of a comment (spec/signing.md §3): identicons and page-author highlighting depend on
/// it being identical to Isso's for the same input.
/// </summary>
public sealed class AuthorHash
{
    // PBKDF2 is deliberately slow and every fetch hashes every comment; the same few addresses and
    // e-mails repeat, so results are remembered (at most 50,000 of them).
    private readonly StringMemo _memo = new(50_000, static (_, _) => 1);
    private readonly Func<string, string> _hash;

    public AuthorHash(HashConfig config)
    {
        var digest = Create(config.Algorithm, Encoding.UTF8.GetBytes(config.Salt));
        _hash = input => Convert.ToHexStringLower(digest(Encoding.UTF8.GetBytes(input)));
    }

    /// <summary>Hash of the stored e-mail when there is one, else of the anonymised address.</summary>
    public string Of(string? email, string? remoteAddr)
    {
        var input = string.IsNullOrEmpty(email) ? remoteAddr ?? "" : email;
        return _memo.GetOrAdd(input, _hash);
    }

    /// <summary>Whether <paramref name="algorithm"/> names a supported hash; the reason when not.</summary>
    public static string? Problem(string algorithm)
    {
        try
        {
            _ = Create(algorithm, []);
            return null;
        }
        catch (ArgumentException e)
        {
            return e.Message;
        }
    }

    private static Func<byte[], byte[]> Create(string algorithm, byte[] salt)
    {
        var name = algorithm.Trim();
        if (name.Equals("none", StringComparison.OrdinalIgnoreCase))
        {
            return input => input;
        }
        if (name.StartsWith("pbkdf2", StringComparison.OrdinalIgnoreCase))
        {
            return Pbkdf2(name, salt);
        }
        var digest = Digest(name) ?? throw new ArgumentException($"unknown hash algorithm \"{algorithm}\"");
        return input => digest(input);
    }

    private static Func<byte[], byte[]> Pbkdf2(string spec, byte[] salt)
    {
        var parts = spec.Split(':');
        if (!parts[0].Equals("pbkdf2", StringComparison.OrdinalIgnoreCase) || parts.Length > 4)
        {
            throw new ArgumentException($"invalid pbkdf2 specification \"{spec}\"");
        }
        var iterations = parts.Length > 1 ? PositiveInt(parts[1], spec) : 1000;
        var length = parts.Length > 2 ? PositiveInt(parts[2], spec) : 6;
        var prf = parts.Length > 3 ? parts[3].ToLowerInvariant() : "sha1";
        HashAlgorithmName name = prf switch
        {
            "sha1" => HashAlgorithmName.SHA1,
            "sha256" => HashAlgorithmName.SHA256,
            "sha384" => HashAlgorithmName.SHA384,
            "sha512" => HashAlgorithmName.SHA512,
            "md5" => HashAlgorithmName.MD5,
            _ => throw new ArgumentException($"unsupported pbkdf2 function \"{prf}\""),
        };
        return input => Rfc2898DeriveBytes.Pbkdf2(input, salt, iterations, name, length);
    }

    private static int PositiveInt(string text, string spec) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new ArgumentException($"invalid number \"{text}\" in \"{spec}\"");

    private static Func<byte[], byte[]>? Digest(string name) => name.ToLowerInvariant() switch
    {
        "md5" => MD5.HashData,
        "sha1" => SHA1.HashData,
        "sha256" => SHA256.HashData,
        "sha384" => SHA384.HashData,
        "sha512" => SHA512.HashData,
        "sha3_256" when SHA3_256.IsSupported => SHA3_256.HashData,
        "sha3_384" when SHA3_384.IsSupported => SHA3_384.HashData,
        "sha3_512" when SHA3_512.IsSupported => SHA3_512.HashData,
        _ => null,
    };
}
