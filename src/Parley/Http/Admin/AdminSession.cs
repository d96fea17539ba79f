using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Parley.Core.Security;
using Parley.Core.Storage;
using Parley.Http.Edge;

namespace Parley.Http.Admin;

/// <summary>
/// The signed <c>admin-session</c> cookie (spec/api.md §2.2) and the CSRF token bound to it: an HMAC of the
/// cookie under the store's session key, so a page of another site can neither read nor forge it.
/// </summary>
internal sealed class AdminSession(TokenSigner signer, ICommentStore store, OwnershipCookies cookies)
{
    public const long MaxAge = 86400;
    public const string CookieName = "admin-session";
    public const string CsrfHeader = "X-Parley-CSRF";
    private const string SessionJson = "{\"logged\":true}";

    public bool IsSignedIn(HttpContext context) =>
        signer.Verify(context.Request.Cookies[CookieName], MaxAge) is { ValueKind: JsonValueKind.Object } v
        && v.TryGetProperty("logged", out var logged) && logged.ValueKind == JsonValueKind.True;

    public void SignIn(HttpContext context) =>
        cookies.Issue(context, CookieName, signer.Sign(SessionJson), MaxAge, withMaxAge: false);

    public void SignOut(HttpContext context) => cookies.Clear(context, CookieName);

    /// <summary>The token the panel must echo in <see cref="CsrfHeader"/>; empty without a cookie.</summary>
    public string CsrfToken(HttpContext context)
    {
        var cookie = context.Request.Cookies[CookieName];
        if (string.IsNullOrEmpty(cookie))
        {
            return "";
        }
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(store.SessionKey), Encoding.UTF8.GetBytes("csrf:" + cookie));
        return Convert.ToBase64String(mac).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    public bool HasValidCsrfToken(HttpContext context)
    {
        var expected = CsrfToken(context);
        var given = context.Request.Headers[CsrfHeader].ToString();
        return expected.Length > 0 && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(given));
    }

    /// <summary>A browser's Origin, when sent, must be this server itself.</summary>
    public static bool OriginIsOwn(HttpContext context)
    {
        var origin = context.Request.Headers.Origin.ToString();
        return origin.Length == 0 || string.Equals(origin, $"{context.Request.Scheme}://{context.Request.Host}", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The configured password may be a hash (set-admin-password) or Isso's plain text; see <see cref="AdminPassword"/>.</summary>
    public static bool PasswordMatches(string expected, string given) => AdminPassword.Verify(expected, given);
}
