using System.Net;
using System.Text;

namespace Parley.Hosting;

/// <summary>
/// Sends a request through a copy of the application's HTTP pipeline, in memory: no socket, no access log, no
/// request metrics. The first request of each kind otherwise pays for loading and compiling its middleware, routing and
/// handler (about 100 ms on <c>GET /info</c>, measured), and <see cref="Warmup"/> pays that instead.
/// </summary>
internal sealed class RequestRehearsal(RequestDelegate pipeline, IServiceScopeFactory scopes)
{
    /// <summary>Answers the request from loopback, with a JSON body when one is given; returns the status.</summary>
    public async Task<int> SendAsync(string method, string pathAndQuery, string? json, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider, RequestAborted = ct };
        context.Connection.RemoteIpAddress = IPAddress.Loopback;
        var request = context.Request;
        request.Method = method;
        request.Scheme = "http";
        request.Host = new HostString("localhost");
        var query = pathAndQuery.IndexOf('?', StringComparison.Ordinal);
        request.Path = query < 0 ? pathAndQuery : pathAndQuery[..query];
        request.QueryString = query < 0 ? QueryString.Empty : new QueryString(pathAndQuery[query..]);
        if (json is not null)
        {
            var body = Encoding.UTF8.GetBytes(json);
            request.ContentType = "application/json";
            request.ContentLength = body.Length;
            request.Body = new MemoryStream(body, writable: false);
        }
        await pipeline(context);
        return context.Response.StatusCode;
    }
}
