using System.Security.Cryptography;
using System.Text;
using Parley.Core.Config;
using Parley.Core.Security;
using Parley.Http.Edge;

namespace Parley.Http.Admin;

/// <summary>
/// POST /login/ and GET /admin/ (spec/api.md §4.15, §4.16): the password check and the signed session
/// cookie that the admin panel stands on. The panel closes entirely while <c>[admin] enabled</c> is off.
/// </summary>
internal static class AdminPages
{
    public const long SessionMaxAge = 86400;
    private const string SessionJson = "{\"logged\":true}";

    public static async Task<IResult> Login(HttpContext context, ParleyConfig config, TokenSigner signer, OwnershipCookies cookies)
    {
        if (!config.Admin.Enabled)
        {
            return Disabled();
        }
        if (!context.Request.HasFormContentType)
        {
            throw new IssoError(400, "password missing");
        }
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        if (!form.TryGetValue("password", out var password))
        {
            throw new IssoError(400, "password missing");
        }
        if (!PasswordMatches(config.Admin.Password, password.ToString()))
        {
            return LoginForm(context);
        }
        cookies.Issue(context, "admin-session", signer.Sign(SessionJson), SessionMaxAge, withMaxAge: false);
        var here = $"{context.RequestHost()}{context.Request.Path}";
        return Results.Redirect(here.EndsWith("/login/", StringComparison.Ordinal) ? here[..^"/login/".Length] + "/admin/" : here);
    }

    public static IResult Admin(HttpContext context, ParleyConfig config, TokenSigner signer)
    {
        if (!config.Admin.Enabled)
        {
            return Disabled();
        }
        if (!IsSignedIn(context, signer))
        {
            return LoginForm(context);
        }
        return Page("Parley administration", "<h1>Parley administration</h1><p>You are signed in.</p>");
    }

    public static bool IsSignedIn(HttpContext context, TokenSigner signer) =>
        signer.Verify(context.Request.Cookies["admin-session"], SessionMaxAge) is { ValueKind: System.Text.Json.JsonValueKind.Object } v
        && v.TryGetProperty("logged", out var logged) && logged.ValueKind == System.Text.Json.JsonValueKind.True;

    // Constant time over the UTF-8 bytes; an empty configured password never matches.
    private static bool PasswordMatches(string expected, string given) =>
        expected.Length > 0 && CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(expected)), SHA256.HashData(Encoding.UTF8.GetBytes(given)));

    private static IResult LoginForm(HttpContext context) => Page("Parley: sign in",
        $"<h1>Sign in</h1><form method=\"post\" action=\"{System.Net.WebUtility.HtmlEncode(context.RequestHost())}/login/\">"
        + "<label for=\"password\">Password</label> <input id=\"password\" type=\"password\" name=\"password\" autocomplete=\"current-password\" required>"
        + " <button type=\"submit\">Sign in</button></form>");

    private static IResult Disabled() => Page("Administration disabled",
        "<h1>Administration disabled</h1><p>Set <code>[admin] enabled = true</code> and a password to use it.</p>");

    private static IResult Page(string title, string body) => Results.Content(
        $"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{title}</title></head><body>{body}</body></html>\n",
        "text/html; charset=utf-8");
}
