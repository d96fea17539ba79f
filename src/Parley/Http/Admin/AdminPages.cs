using System.Globalization;
using Parley.Core.Config;
using Parley.Http.Edge;

namespace Parley.Http.Admin;

/// <summary>
/// POST /login/ and GET /admin/ (spec/api.md §4.15, §4.16): the password form and the panel page. The panel
/// closes entirely while <c>[admin] enabled</c> is off; failed sign-ins are throttled per client address.
/// </summary>
internal static class AdminPages
{
    public const string WrongPassword = "Wrong password.";
    public const string PasswordChanged = "The admin password has just been changed. Try again in a few seconds; if this stays, restart Parley.";

    /// <summary>POST /login/ — the form field <c>password</c>; a session cookie and a redirect to the panel, or the form again.</summary>
    public static async Task<IResult> Login(HttpContext context, ParleyConfig config, AdminSession session, LoginThrottle throttle)
    {
        var host = context.RequestHost();
        if (!config.Admin.Enabled)
        {
            return AdminHtml.Disabled(host);
        }
        if (await throttle.RetryAfterAsync(context.ClientAddress(), context.RequestAborted) is { } wait)
        {
            return TooManyAttempts(context, wait);
        }
        if (!await session.PasswordIsCurrentAsync(context.RequestAborted))
        {
            return PasswordChangedElsewhere(context);
        }
        if (!context.Request.HasFormContentType)
        {
            throw new IssoError(400, "password missing");
        }
        IFormCollection form;
        try
        {
            form = await context.Request.ReadFormAsync(context.RequestAborted);
        }
        catch (Exception e) when (e is InvalidDataException or IOException && !context.RequestAborted.IsCancellationRequested)
        {
            // A multipart body that is not one: the reader throws IOException ("unexpected end of stream").
            throw new IssoError(400, "the form body is malformed");
        }
        if (!form.TryGetValue("password", out var password))
        {
            throw new IssoError(400, "password missing");
        }
        if (!AdminSession.PasswordMatches(config.Admin.Password, password.ToString()))
        {
            // Isso answers 200 with the form again.
            // Not cancelled with the request: a client that hangs up must not escape the count.
            await throttle.FailedAsync(context.ClientAddress());
            return AdminHtml.SignIn(host, WrongPassword);
        }
        await throttle.SucceededAsync(context.ClientAddress(), context.RequestAborted);
        if (!await session.SignInAsync(context, context.RequestAborted))
        {
            return PasswordChangedElsewhere(context);
        }
        var here = $"{host}{context.Request.Path}";
        return Results.Redirect(here.EndsWith("/login/", StringComparison.Ordinal) ? here[..^"/login/".Length] + "/admin/" : here);
    }

    /// <summary>GET /admin/ — the sign-in form without a valid session, the panel with one.</summary>
    public static async Task<IResult> Admin(HttpContext context, ParleyConfig config, AdminSession session)
    {
        var host = context.RequestHost();
        if (!config.Admin.Enabled)
        {
            return AdminHtml.Disabled(host);
        }
        return await session.IsSignedInAsync(context, context.RequestAborted)
            ? AdminHtml.Panel(host, context.SiteOrigin(), session.CsrfToken(context))
            : AdminHtml.SignIn(host);
    }

    /// <summary>Sets <c>Retry-After</c> (whole seconds, rounded up) and answers the form with the wait in minutes.</summary>
    public static IResult TooManyAttempts(HttpContext context, TimeSpan wait)
    {
        SetRetryAfter(context, wait);
        var minutes = (int)Math.Ceiling(wait.TotalMinutes);
        return AdminHtml.SignIn(context.RequestHost(),
            $"Too many failed sign-ins. Try again in {minutes} minute{(minutes == 1 ? "" : "s")}.", StatusCodes.Status429TooManyRequests);
    }

    // The password this server holds is no longer the one in the database: neither the old nor the new one may sign in
    // until the reload of the changed file brings the new one.
    private static IResult PasswordChangedElsewhere(HttpContext context) =>
        AdminHtml.SignIn(context.RequestHost(), PasswordChanged, StatusCodes.Status409Conflict);

    public static void SetRetryAfter(HttpContext context, TimeSpan wait) =>
        context.Response.Headers.RetryAfter = Math.Max(1, (long)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
}
