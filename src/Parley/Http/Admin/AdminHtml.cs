using System.Net;

namespace Parley.Http.Admin;

/// <summary>
/// The admin HTML pages: sign-in form, panel shell and the "disabled" page. Everything they load comes from
/// this server (a data: favicon avoids even that request); the panel itself is built by js/admin.js.
/// </summary>
internal static class AdminHtml
{
    private const string Favicon = "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'%3E%3Crect width='16' height='16' rx='3' fill='%232563eb'/%3E%3C/svg%3E";

    public static IResult SignIn(string host, string? alert = null, int status = 200) => Page(host, "Parley: sign in",
        "<main class=\"parley-signin\"><h1>Sign in</h1>"
        + (alert is null ? "" : $"<p class=\"parley-alert\" role=\"alert\">{Encode(alert)}</p>")
        + $"<form method=\"post\" action=\"{Encode(host)}/login/\">"
        + "<label for=\"password\">Password</label> <input id=\"password\" type=\"password\" name=\"password\" autocomplete=\"current-password\" required autofocus>"
        + " <button type=\"submit\">Sign in</button></form></main>", status);

    /// <summary>The panel shell; <paramref name="site"/> is the website that thread links point to.</summary>
    public static IResult Panel(string host, string site, string csrf) => Page(host, "Parley administration",
        $"<main id=\"parley-admin\" data-api=\"{Encode(host)}/admin/api\" data-site=\"{Encode(site)}\"><h1>Parley administration</h1>"
        + "<noscript><p class=\"parley-alert\">The administration panel needs JavaScript.</p></noscript></main>"
        + $"<script src=\"{Encode(host)}/js/admin.js\"></script>",
        head: $"<meta name=\"parley-csrf\" content=\"{Encode(csrf)}\">");

    public static IResult Disabled(string host) => Page(host, "Administration disabled",
        "<main><h1>Administration disabled</h1><p>Set <code>[admin] enabled = true</code> and a password to use it.</p></main>");

    private static IResult Page(string host, string title, string body, int status = 200, string head = "") => Results.Content(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><meta name=\"color-scheme\" content=\"light dark\">"
        + $"<title>{Encode(title)}</title><link rel=\"icon\" href=\"{Favicon}\">"
        + $"<link rel=\"stylesheet\" href=\"{Encode(host)}/css/admin.css\">{head}</head><body>{body}</body></html>\n",
        "text/html; charset=utf-8", statusCode: status);

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
