using System.Numerics;
using System.Security.Cryptography;
using System.Text;

namespace Parley.Core.Security;

/// <summary>
/// Isso's per-comment Bloom filter of voters (spec/signing.md §5): 2048 bits, 11 probes cut from the
/// SHA-256 of the anonymised address. The bit count follows the blob length, for old databases.
/// </summary>
public static class VotersFilter
{
    public const int Size = 256;
    private const int Probes = 11;

    public static byte[] Create(string member)
    {
        var filter = new byte[Size];
        Add(filter, member);
        return filter;
    }

    public static bool Contains(byte[] filter, string member)
    {
        if (filter.Length == 0)
        {
            return false;
        }
        foreach (var p in ProbesOf(member, filter.Length * 8))
        {
            if ((filter[p / 8] & (1 << (p % 8))) == 0)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Returns a copy of <paramref name="filter"/> with <paramref name="member"/> added.</summary>
    public static byte[] With(byte[] filter, string member)
    {
        var copy = filter.Length == 0 ? new byte[Size] : (byte[])filter.Clone();
        Add(copy, member);
        return copy;
    }

    internal static int[] ProbesOf(string member, int bits = Size * 8)
    {
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(member));
        var h = new BigInteger(digest, isUnsigned: true, isBigEndian: true);
        var probes = new int[Probes];
        for (var i = 0; i < Probes; i++)
        {
            // Isso masks with (bits - 1); the modulo only guards odd-sized blobs of old databases.
            probes[i] = (int)((h & (bits - 1)) % bits);
            h >>= 11;
        }
        return probes;
    }

    private static void Add(byte[] filter, string member)
    {
        foreach (var p in ProbesOf(member, filter.Length * 8))
        {
            filter[p / 8] |= (byte)(1 << (p % 8));
        }
    }
}
