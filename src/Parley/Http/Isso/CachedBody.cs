using System.Buffers;
using Parley.Http.Edge;

namespace Parley.Http.Isso;

/// <summary>
/// Writes a <see cref="CachedAnswer"/> (JSON unless told otherwise). With <c>revalidate</c> (GET answers) it carries
/// the ETag and <c>Cache-Control: no-cache</c>, so browsers keep the answer but ask each time, and get 304 while it holds.
/// </summary>
internal sealed class CachedBody(CachedAnswer answer, bool revalidate, string contentType = "application/json") : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var request = httpContext.Request;
        var response = httpContext.Response;
        if (revalidate)
        {
            response.Headers.ETag = answer.ETag;
            response.Headers.CacheControl = "no-cache";
            if (IfNoneMatch.Matches(request.Headers.IfNoneMatch, answer.ETag))
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                return;
            }
        }
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = contentType;
        response.ContentLength = answer.Length;
        if (HttpMethods.IsHead(request.Method))
        {
            return;
        }
        // Copied into the response's buffers chunk by chunk, then sent with one flush.
        foreach (var chunk in answer.Chunks)
        {
            response.BodyWriter.Write(chunk);
        }
        await response.BodyWriter.FlushAsync(httpContext.RequestAborted);
    }
}
