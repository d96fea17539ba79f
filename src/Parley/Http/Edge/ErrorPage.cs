using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;

namespace Parley.Http.Edge;

/// <summary>
/// Isso's two error shapes: an HTML page, or <c>{"message": …}</c> for clients that prefer JSON. A refusal with a
/// code (<see cref="Parley.Core.Comments.RefusalCodes"/>) also carries it, in the <c>X-Parley-Error</c> header
/// whatever the shape (Isso's always-HTML errors stay HTML) and as <c>"code"</c> beside the JSON message.
/// </summary>
internal static class ErrorPage
{
    public static string DefaultDescription(int status) => status switch
    {
        403 => "You don't have the permission to access the requested resource. It is either read-protected or not readable by the server.",
        404 => "The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.",
        405 => "The method is not allowed for the requested URL.",
        413 => "The data value transmitted exceeds the capacity limit.",
        500 => "The server encountered an internal error and was unable to complete your request. Either the server is overloaded or there is an error in the application.",
        _ => ReasonPhrases.GetReasonPhrase(status),
    };

    public const string CodeHeader = "X-Parley-Error";

    public static async Task WriteAsync(HttpContext context, int status, string description, bool alwaysHtml, string? code = null)
    {
        var response = context.Response;
        response.StatusCode = status;
        var reason = ReasonPhrases.GetReasonPhrase(status);
        if (code is not null)
        {
            response.Headers[CodeHeader] = code;
        }
        if (!alwaysHtml && PrefersJson(context.Request))
        {
            response.ContentType = "application/json";
            var message = $"{status} {reason}: {description}";
            await response.WriteAsync(code is null ? JsonSerializer.Serialize(new { message }) : JsonSerializer.Serialize(new { message, code }));
            return;
        }
        response.ContentType = "text/html; charset=utf-8";
        var text = WebUtility.HtmlEncode(description);
        await response.WriteAsync(
            $"<!doctype html>\n<html lang=en>\n<title>{status} {reason}</title>\n<h1>{reason}</h1>\n<p>{text}</p>\n");
    }

    // Isso answers JSON only when the single best match of Accept is exactly application/json.
    internal static bool PrefersJson(HttpRequest request)
    {
        string? best = null;
        var bestQuality = -1.0;
        foreach (var entry in request.Headers.Accept.SelectMany(v => (v ?? "").Split(',')))
        {
            var parts = entry.Split(';');
            var type = parts[0].Trim().ToLowerInvariant();
            if (type.Length == 0)
            {
                continue;
            }
            var quality = 1.0;
            foreach (var p in parts.Skip(1))
            {
                var kv = p.Split('=', 2);
                if (kv.Length == 2 && kv[0].Trim() == "q" && double.TryParse(kv[1].Trim(), System.Globalization.CultureInfo.InvariantCulture, out var q))
                {
                    quality = q;
                }
            }
            if (quality > bestQuality)
            {
                (best, bestQuality) = (type, quality);
            }
        }
        return best == "application/json" && bestQuality > 0;
    }
}
