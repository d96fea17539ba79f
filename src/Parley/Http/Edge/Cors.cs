namespace Parley.Http.Edge;

/// <summary>
/// Isso's CORS headers on every response, and 200 for every preflight (spec/api.md §1.4), except under /admin/api/: the matching
/// configured website is echoed, never <c>*</c>, always with credentials.
/// </summary>
internal sealed class Cors(RequestDelegate next, Origins origins)
{
    public Task InvokeAsync(HttpContext context)
    {
        var origin = origins.Match(context.Request);
        context.Items[typeof(Origins)] = origin;
        // The admin API must never be readable by the embedding websites with the admin's cookie: no CORS
        // headers there, and preflights fall through to routing (405).
        if (context.Request.Path.StartsWithSegments("/admin/api"))
        {
            return next(context);
        }
        var headers = context.Response.Headers;
        headers.AccessControlAllowOrigin = origin;
        headers.AccessControlAllowCredentials = "true";
        headers.AccessControlAllowMethods = "HEAD, GET, POST, PUT, DELETE";
        headers.AccessControlAllowHeaders = "Origin, Referer, Content-Type";
        headers.AccessControlExposeHeaders = "X-Set-Cookie, Date";
        if (HttpMethods.IsOptions(context.Request.Method))
        {
            context.Response.StatusCode = 200;
            context.Response.ContentType = "text/plain";
            context.Response.ContentLength = 0;
            return Task.CompletedTask;
        }
        return next(context);
    }
}
