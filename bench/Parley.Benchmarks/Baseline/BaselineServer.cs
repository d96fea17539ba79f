using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Http.Features;

namespace Parley.Benchmarks.Baseline;

/// <summary>
/// The yardstick: the least an ASP.NET Core server on this machine can do for the same requests. It replays
/// Parley's captured answers from a dictionary (no routing, no database, no logging), so Parley's ratio to it is
/// the share of the framework's throughput that Parley's own work leaves.
/// </summary>
internal static class BaselineServer
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args is not ["--port", var portText, "--responses", var file]
            || !int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port))
        {
            await Console.Error.WriteLineAsync("usage: Parley.Benchmarks baseline --port P --responses FILE");
            return 2;
        }
        var responses = CapturedResponse.Load(file).ToDictionary(r => (r.Method, r.Target));

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            // As Parley: no Server header, so both send the same bytes.
            k.AddServerHeader = false;
            k.Listen(IPAddress.Loopback, port);
        });
        await using var app = builder.Build();
        app.Run(context => ReplayAsync(context, responses));
        await app.RunAsync();
        return 0;
    }

    private static async Task ReplayAsync(HttpContext context, Dictionary<(string, string), CapturedResponse> responses)
    {
        // The raw target is the path and query exactly as wrk sent them, the dictionary's key.
        var target = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
        await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted);
        if (!responses.TryGetValue((context.Request.Method, target), out var captured))
        {
            context.Response.StatusCode = 404;
            return;
        }
        context.Response.StatusCode = captured.Status;
        context.Response.ContentType = captured.ContentType;
        context.Response.ContentLength = captured.Body.Length;
        await context.Response.Body.WriteAsync(captured.Body, context.RequestAborted);
    }
}
