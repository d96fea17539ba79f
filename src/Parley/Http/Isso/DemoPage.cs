namespace Parley.Http.Isso;

/// <summary>GET /demo/ — a page with a thread and a counter link, to try Parley right after starting it.</summary>
internal static class DemoPage
{
    /// <summary>GET /demo/ — a page with a thread and a counter link, to try Parley right after starting it.</summary>
    public static IResult Show(HttpContext context, IWebHostEnvironment environment)
    {
        context.Response.Headers.CacheControl = "no-cache";
        var file = environment.WebRootFileProvider.GetFileInfo("demo/index.html");
        return Results.Stream(file.CreateReadStream(), "text/html; charset=utf-8");
    }
}
