// Isso signs with HMAC-SHA1 and hashes text with SHA-1; the algorithm is fixed by existing tokens and links.
#pragma warning disable CA5350
using System.Security.Cryptography;
using System.Text;

namespace Parley.Core.Security;

/// <summary>The unsalted SHA-1 hex of a comment's raw text, carried in ownership tokens.</summary>
public static class TextHash
{
    public static string Of(string text) => Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(text)));
}
