using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Parley.Browser.Tests.Support;

/// <summary>
/// The website that embeds the comments: Kestrel on <c>http://localhost:port</c>, serving whatever pages the
/// test defines. Same host name as Parley, so the browser treats both as one site and sends Parley's cookies.
/// </summary>
public sealed class SitePages : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, (string Body, string ContentType)> _pages = new(StringComparer.Ordinal);

    private SitePages(WebApplication app, Uri origin)
    {
        _app = app;
        Origin = origin;
    }

    /// <summary><c>http://localhost:port/</c>.</summary>
    public Uri Origin { get; }

    /// <summary><c>http://localhost:port</c>, as browsers write an origin (and isso.cfg's <c>host</c> wants it).</summary>
    public string OriginText => Origin.GetLeftPart(UriPartial.Authority);

    public static async Task<SitePages> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        // Kestrel cannot pick a free port for "localhost" itself, and the browser must use that name (see above).
        var origin = new Uri($"http://localhost:{FreePort.Next()}/");
        builder.WebHost.UseUrls(origin.GetLeftPart(UriPartial.Authority));
        var app = builder.Build();
        var site = new SitePages(app, origin);
        app.Run(site.ServeAsync);
        await app.StartAsync();
        return site;
    }

    /// <summary>Serves <paramref name="html"/> at <paramref name="path"/> and answers its full URL.</summary>
    public Uri AddPage(string path, string html)
    {
        _pages[path] = (html, "text/html; charset=utf-8");
        return new Uri(Origin, path);
    }

    /// <summary>Serves a copy of a file, as a site that hosts the client script itself would.</summary>
    public Uri AddFile(string path, string file, string contentType) => AddText(path, File.ReadAllText(file), contentType);

    /// <summary>Serves <paramref name="body"/> as <paramref name="contentType"/> at <paramref name="path"/>.</summary>
    public Uri AddText(string path, string body, string contentType)
    {
        _pages[path] = (body, contentType);
        return new Uri(Origin, path);
    }

    private async Task ServeAsync(HttpContext context)
    {
        if (_pages.TryGetValue(context.Request.Path.Value ?? "/", out var page))
        {
            context.Response.ContentType = page.ContentType;
            await context.Response.WriteAsync(page.Body);
            return;
        }
        // Browsers ask for a favicon on their own; an empty answer keeps failed requests to the ones that matter.
        context.Response.StatusCode = context.Request.Path == "/favicon.ico" ? 204 : 404;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
