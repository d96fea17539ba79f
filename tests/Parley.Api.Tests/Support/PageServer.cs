using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Parley.Api.Tests.Support;

/// <summary>A tiny website on loopback that serves one page, for Parley's title discovery to fetch.</summary>
public sealed class PageServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private PageServer(WebApplication app, string origin)
    {
        _app = app;
        Origin = origin;
    }

    /// <summary><c>http://127.0.0.1:port</c>, to configure as <c>[general] host</c>.</summary>
    public string Origin { get; }

    public static async Task<PageServer> StartAsync(string path, string html)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapGet(path, () => Results.Content(html, "text/html; charset=utf-8"));
        await app.StartAsync();
        return new PageServer(app, app.Urls.First().TrimEnd('/'));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
