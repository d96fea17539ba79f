using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;
using Parley.Http.Admin;

namespace Parley.Http.Edge;

/// <summary>
/// Checks every query argument and form field of every request for <see cref="InvalidCharacters"/> before routing,
/// so no handler, present or future, sees one. The admin API answers its own JSON shape; everything else Isso's.
/// </summary>
internal sealed class InputCheck(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context) =>
        // Most requests carry neither (the client's files, JSON posts): they pass without a state machine or a parse.
        context.Request.QueryString.HasValue || context.Request.HasFormContentType ? CheckAsync(context) : next(context);

    private async Task CheckAsync(HttpContext context)
    {
        var problem = Check("query argument", context.Request.Query) ?? await CheckFormAsync(context.Request);
        if (problem is null)
        {
            await next(context);
            return;
        }
        if (context.Request.Path.StartsWithSegments("/admin/api"))
        {
            context.Response.Headers.CacheControl = "no-store";
            await AdminJson.Message(StatusCodes.Status400BadRequest, problem).ExecuteAsync(context);
            return;
        }
        throw new IssoError(StatusCodes.Status400BadRequest, problem);
    }

    private static string? Check(string what, IEnumerable<KeyValuePair<string, StringValues>> values)
    {
        foreach (var (name, strings) in values)
        {
            if (InvalidCharacters.FirstIn(name) is { } inName)
            {
                return InvalidCharacters.Message(what, null, inName);
            }
            foreach (var value in strings)
            {
                if (InvalidCharacters.FirstIn(value) is { } found)
                {
                    return InvalidCharacters.Message(what, name, found);
                }
            }
        }
        return null;
    }

    // The body is buffered and rewound, so the handler reads it as if nothing had looked.
    private static async Task<string?> CheckFormAsync(HttpRequest request)
    {
        if (!request.HasFormContentType)
        {
            return null;
        }
        request.EnableBuffering();
        try
        {
            if (request.ContentType!.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
            {
                // .NET's own form reader throws on a NUL without saying where; the query parser decodes the same syntax.
                var body = Encoding.UTF8.GetString(await RequestBody.ReadBytesAsync(request));
                return Check("form field", QueryHelpers.ParseQuery(body));
            }
            return Check("form field", await request.ReadFormAsync(request.HttpContext.RequestAborted));
        }
        catch (Exception e) when (e is InvalidDataException or IOException or IssoError { Status: StatusCodes.Status413PayloadTooLarge }
            && !request.HttpContext.RequestAborted.IsCancellationRequested)
        {
            // Nothing readable to check; whatever handler reads it refuses it in its own way (Isso's CSRF check first).
            return null;
        }
        finally
        {
            request.Body.Position = 0;
        }
    }
}
