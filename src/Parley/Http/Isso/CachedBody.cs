using System.Buffers;
using Microsoft.Net.Http.Headers;
using Parley.Http.Edge;
using Parley.Http.Static;

namespace Parley.Http.Isso;

/// <summary>
/// Writes a <see cref="CachedAnswer"/> (JSON unless told otherwise), compressed when the request accepts brotli or gzip
/// and the answer is large enough to gain. With <c>revalidate</c> (GET answers) it carries the ETag and
/// <c>Cache-Control: no-cache</c>, so browsers keep the answer but ask each time, and get 304 while it holds.
/// </summary>
internal sealed class CachedBody(CachedAnswer answer, bool revalidate, string contentType = "application/json") : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var request = httpContext.Request;
        var response = httpContext.Response;
        var compressed = answer.IsCompressible ? answer.In(AcceptEncoding.Choose(request.Headers.AcceptEncoding, true, true)) : null;
        if (answer.IsCompressible)
        {
            // Shared caches must keep the plain and the compressed bodies apart.
            response.Headers.Append(HeaderNames.Vary, HeaderNames.AcceptEncoding);
        }
        if (revalidate)
        {
            var etag = compressed?.ETag ?? answer.ETag;
            response.Headers.ETag = etag;
            response.Headers.CacheControl = "no-cache";
            if (IfNoneMatch.Matches(request.Headers.IfNoneMatch, etag))
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                return;
            }
        }
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = contentType;
        if (compressed is not null)
        {
            response.Headers.ContentEncoding = compressed.ContentEncoding;
        }
        response.ContentLength = compressed?.Bytes.Length ?? answer.Length;
        if (HttpMethods.IsHead(request.Method))
        {
            return;
        }
        if (compressed is not null)
        {
            response.BodyWriter.Write(compressed.Bytes);
        }
        else
        {
            // Copied into the response's buffers chunk by chunk, then sent with one flush.
            foreach (var chunk in answer.Chunks)
            {
                response.BodyWriter.Write(chunk);
            }
        }
        await response.BodyWriter.FlushAsync(httpContext.RequestAborted);
    }
}
