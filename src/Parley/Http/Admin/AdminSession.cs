using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Parley.Core.Config;
using Parley.Core.Security;
using Parley.Core.Storage;
using Parley.Http.Edge;

namespace Parley.Http.Admin;

/// <summary>
/// The <c>admin-session</c> cookie (spec/api.md §2.2) and the CSRF token bound to it (an HMAC of the cookie under the
/// store's session key, so a page of another site can neither read nor forge it). The cookie is signed and names a
/// session kept in the database: signing out, or a new admin password set by any process, ends it at once.
/// </summary>
internal sealed class AdminSession(TokenSigner signer, ICommentStore store, LiveConfig config, OwnershipCookies cookies, TimeProvider time)
{
    public const long MaxAge = 86400;
    public const string CookieName = "admin-session";
    public const string CsrfHeader = "X-Parley-CSRF";

    private double Now => time.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0;

    /// <summary>What the database knows of the password this server holds (see <see cref="AdminPassword.Fingerprint"/>).</summary>
    public string? PasswordFingerprint => AdminPassword.Fingerprint(config.Current.Admin.Password);

    /// <summary>
    /// False when another process (<c>config set-admin-password</c>) changed the password and this server has not read
    /// the new one yet (it does within seconds of the file changing; see ConfigReloader).
    /// </summary>
    public Task<bool> PasswordIsCurrentAsync(CancellationToken ct) => store.IsAdminPasswordCurrentAsync(PasswordFingerprint, ct);

    /// <summary>A validly signed cookie whose session is still open in the database.</summary>
    public async Task<bool> IsSignedInAsync(HttpContext context, CancellationToken ct) =>
        SessionId(context) is { } id && await store.IsAdminSessionOpenAsync(Digest(id), Now, ct);

    /// <summary>Opens a session and sets its cookie; false (no cookie) when the password changed since this server read it.</summary>
    public async Task<bool> SignInAsync(HttpContext context, CancellationToken ct)
    {
        var id = Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)).Replace('+', '-').Replace('/', '_');
        var now = Now;
        if (!await store.OpenAdminSessionAsync(Digest(id), PasswordFingerprint, now + MaxAge, now, ct))
        {
            return false;
        }
        WriteCookie(context, signer.Sign($$"""{"logged":true,"sid":"{{id}}"}"""), time.GetUtcNow().AddSeconds(MaxAge), MaxAge);
        return true;
    }

    /// <summary>Ends the request's session in the database and expires its cookie.</summary>
    public async Task SignOutAsync(HttpContext context, CancellationToken ct)
    {
        if (SessionId(context) is { } id)
        {
            await store.EndAdminSessionAsync(Digest(id), ct);
        }
        WriteCookie(context, "", DateTimeOffset.UnixEpoch, 0);
    }

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

    /// <summary>The session id in a validly signed cookie younger than <see cref="MaxAge"/>; null otherwise.</summary>
    private string? SessionId(HttpContext context) =>
        signer.Verify(context.Request.Cookies[CookieName], MaxAge) is { ValueKind: JsonValueKind.Object } v
        && v.TryGetProperty("logged", out var logged) && logged.ValueKind == JsonValueKind.True
        && v.TryGetProperty("sid", out var sid) && sid.ValueKind == JsonValueKind.String && sid.GetString() is { Length: > 0 } id
            ? id
            : null;

    // The database keeps a digest: a copy of it (a backup) cannot be turned into a working cookie.
    private static string Digest(string id) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)));

    // Unlike the comment cookies: no X-Set-Cookie copy for scripts, HttpOnly, and never sent with a request from
    // another site, whatever [server] samesite says for the embed.
    private void WriteCookie(HttpContext context, string value, DateTimeOffset expires, long maxAge) =>
        context.Response.Headers.Append("Set-Cookie", string.Create(CultureInfo.InvariantCulture,
            $"{CookieName}={value}; Expires={expires:r}; Max-Age={maxAge}; Path=/; HttpOnly; SameSite=Strict{(cookies.IsSecure(context) ? "; Secure" : "")}"));
}
