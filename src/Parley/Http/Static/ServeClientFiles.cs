using Microsoft.Net.Http.Headers;
using Parley.Http.Edge;

namespace Parley.Http.Static;

/// <summary>
/// Answers GET and HEAD for the <see cref="ClientFiles"/> from memory, compressed when the client accepts it, with
/// 304 for an entity tag it already holds. Other methods and other paths go on down the pipeline.
/// </summary>
internal sealed class ServeClientFiles(RequestDelegate next, ClientFiles files)
{
    // As the static file middleware answered: pages may keep the client for half a day.
    private const string CacheControl = "max-age=43200, public";

    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) || files.Find(request.Path) is not { } file)
        {
            return next(context);
        }
        var body = AcceptEncoding.Choose(request.Headers.AcceptEncoding, file);
        var response = context.Response;
        var headers = response.Headers;
        headers.CacheControl = CacheControl;
        headers.ETag = body.ETag;
        if (file.IsEncoded)
        {
            // Shared caches must keep the plain and the compressed bodies apart.
            headers.Vary = HeaderNames.AcceptEncoding;
        }
        if (IfNoneMatch.Matches(request.Headers.IfNoneMatch, body.ETag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = file.ContentType;
        if (body.ContentEncoding is { } encoding)
        {
            headers.ContentEncoding = encoding;
        }
        response.ContentLength = body.Bytes.Length;
        return HttpMethods.IsHead(request.Method)
            ? Task.CompletedTask
            : response.Body.WriteAsync(body.Bytes, context.RequestAborted).AsTask();
    }
}
