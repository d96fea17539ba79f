using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Parley.Core.Events.Webhooks;

/// <summary>
/// The headers that let a receiver trust a request (spec/events.md §1, §2): Isso's <c>X-Isso-Signature</c> over the
/// body, and Standard Webhooks' <c>webhook-signature</c> over <c>id.timestamp.body</c>, both HMAC-SHA256 with the
/// configured secret. A secret written <c>whsec_…</c> is, for the Standard Webhooks signature, the base64 it carries.
/// </summary>
public static class WebhookSignatures
{
    private const string StandardPrefix = "whsec_";

    /// <summary><c>sha256=</c> and the lower-case hex HMAC of <paramref name="body"/>, keyed with the secret's UTF-8 bytes.</summary>
    public static string Isso(string secret, byte[] body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    /// <summary><c>v1,</c> and the base64 HMAC of <c>{id}.{timestamp}.{body}</c>.</summary>
    public static string Standard(string secret, string id, long timestamp, byte[] body)
    {
        var key = secret.StartsWith(StandardPrefix, StringComparison.Ordinal)
            ? Convert.FromBase64String(secret[StandardPrefix.Length..])
            : Encoding.UTF8.GetBytes(secret);
        byte[] signed = [.. Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{id}.{timestamp}.")), .. body];
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, signed));
    }
}
