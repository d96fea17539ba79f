using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Parley.Core.Security;

/// <summary>
/// The <c>[admin] password</c> value: either a hash written by <c>parley config set-admin-password</c>,
/// <c>pbkdf2-sha256$&lt;iterations&gt;$&lt;salt&gt;$&lt;hash&gt;</c> (standard Base64), or, as in Isso, the password
/// itself in plain text. Both are checked in constant time; an empty or malformed stored value never matches.
/// </summary>
public static class AdminPassword
{
    public const string Prefix = "pbkdf2-sha256$";

    /// <summary>OWASP's 2023 floor for PBKDF2-HMAC-SHA256.</summary>
    public const int Iterations = 210_000;

    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    /// <summary>A new random password: 24 bytes of <see cref="RandomNumberGenerator"/> as 32 URL-safe characters.</summary>
    public static string Generate() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');

    /// <summary>The stored form of <paramref name="password"/>, with a fresh random salt.</summary>
    public static string Hash(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Derive(password, salt, Iterations, HashBytes);
        return string.Create(CultureInfo.InvariantCulture,
            $"{Prefix}{Iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}");
    }

    /// <summary>
    /// What the database records about the password in use, so that every process sharing it can tell when the
    /// password changed: the SHA-256 of a hashed value (hex), null for a plain-text one, which is never written
    /// to the database in any form.
    /// </summary>
    public static string? Fingerprint(string stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return IsHash(stored) ? Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(stored))) : null;
    }

    /// <summary>Whether the stored value is in the hash format (rather than a plain-text password).</summary>
    public static bool IsHash(string stored) => stored.StartsWith(Prefix, StringComparison.Ordinal);

    public static bool Verify(string stored, string given)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(given);
        if (stored.Length == 0)
        {
            return false;
        }
        if (!IsHash(stored))
        {
            // Isso's plain-text form; digests first so the comparison does not leak the length.
            return CryptographicOperations.FixedTimeEquals(
                SHA256.HashData(Encoding.UTF8.GetBytes(stored)), SHA256.HashData(Encoding.UTF8.GetBytes(given)));
        }
        if (!TryParse(stored, out var iterations, out var salt, out var expected))
        {
            return false;
        }
        return CryptographicOperations.FixedTimeEquals(Derive(given, salt, iterations, expected.Length), expected);
    }

    private static bool TryParse(string stored, out int iterations, out byte[] salt, out byte[] hash)
    {
        iterations = 0;
        salt = hash = [];
        var parts = stored[Prefix.Length..].Split('$');
        // The iteration count is bounded both ways: too few is no protection, too many is a denial of service.
        return parts.Length == 3
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out iterations)
            && iterations is >= 1000 and <= 10_000_000
            && TryBase64(parts[1], out salt) && salt.Length >= 8
            && TryBase64(parts[2], out hash) && hash.Length is >= 16 and <= 64;
    }

    private static bool TryBase64(string text, out byte[] bytes)
    {
        var buffer = new byte[text.Length];
        if (Convert.TryFromBase64String(text, buffer, out var written))
        {
            bytes = buffer[..written];
            return true;
        }
        bytes = [];
        return false;
    }

    private static byte[] Derive(string password, byte[] salt, int iterations, int length) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, length);
}
