namespace Parley.Http.Edge;

/// <summary>
/// Isso's CORS headers on every response, and 200 for every preflight (spec/api.md §1.4): the matching configured
/// website is echoed, never <c>*</c>, always with credentials. Not on the admin's pages and API (/admin, /login).
/// </summary>
internal sealed class Cors(RequestDelegate next, Origins origins)
{
    public Task InvokeAsync(HttpContext context)
    {
        var origin = origins.Match(context.Request);
        context.Items[typeof(Origins)] = origin;
        // Nothing of the admin's (the panel page carries the CSRF token, the API the comments' e-mails) may be
        // readable by the embedding websites with the admin's cookie: no CORS headers there, and preflights fall
        // through to routing (405). Isso's embed client never calls these paths.
        if (IsAdmin(context.Request.Path))
        {
            return next(context);
        }
        var headers = context.Response.Headers;
        headers.AccessControlAllowOrigin = origin;
        headers.AccessControlAllowCredentials = "true";
        headers.AccessControlAllowMethods = "HEAD, GET, POST, PUT, DELETE";
        headers.AccessControlAllowHeaders = "Origin, Referer, Content-Type";
        headers.AccessControlExposeHeaders = $"X-Set-Cookie, Date, {ErrorPage.CodeHeader}";
        if (HttpMethods.IsOptions(context.Request.Method))
        {
            context.Response.StatusCode = 200;
            context.Response.ContentType = "text/plain";
            context.Response.ContentLength = 0;
            return Task.CompletedTask;
        }
        return next(context);
    }

    /// <summary>The admin's paths: the panel (/admin, /admin/, /admin/api/…) and the sign-in form's target (/login/).</summary>
    public static bool IsAdmin(PathString path) => path.StartsWithSegments("/admin") || path.StartsWithSegments("/login");
}
