using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Parley.Http.Isso;

/// <summary>A JSON answer written straight to the response with <see cref="Utf8JsonWriter"/>.</summary>
internal sealed class JsonResponse(int status, Action<Utf8JsonWriter> write) : IResult
{
    public static JsonResponse Ok(Action<Utf8JsonWriter> write) => new(200, write);

    // Served as application/json only, so HTML-sensitive characters need no escaping; non-ASCII stays escaped.
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static readonly JsonResponse Null = Ok(w => w.WriteNullValue());

    /// <summary>The bytes <paramref name="write"/> produces, for answers that are kept (<see cref="ReadCache"/>).</summary>
    public static byte[] Bytes(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            write(writer);
        }
        return buffer.WrittenSpan.ToArray();
    }

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = status;
        response.ContentType = "application/json";
        await using (var writer = new Utf8JsonWriter(response.BodyWriter, Options))
        {
            write(writer);
        }
        await response.BodyWriter.FlushAsync(httpContext.RequestAborted);
    }
}
