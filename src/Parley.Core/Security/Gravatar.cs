// Gravatar addresses are defined as the MD5 of the e-mail; not used for security.
#pragma warning disable CA5351
using System.Security.Cryptography;
using System.Text;

namespace Parley.Core.Security;

/// <summary>Gravatar address of a comment (spec/behaviour.md §16): MD5 of the stored e-mail, case kept.</summary>
public static class Gravatar
{
    public static string Url(string template, string? email, string? author)
    {
        var source = !string.IsNullOrEmpty(email) ? email : author ?? "";
        var md5 = Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(source)));
        return template.Replace("{}", md5, StringComparison.Ordinal);
    }
}
