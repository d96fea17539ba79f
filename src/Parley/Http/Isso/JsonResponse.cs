using System.Text.Json;

namespace Parley.Http.Isso;

/// <summary>A JSON answer written straight to the response with <see cref="Utf8JsonWriter"/>.</summary>
internal sealed class JsonResponse(int status, Action<Utf8JsonWriter> write) : IResult
{
    public static JsonResponse Ok(Action<Utf8JsonWriter> write) => new(200, write);

    public static readonly JsonResponse Null = Ok(w => w.WriteNullValue());

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = status;
        response.ContentType = "application/json";
        await using (var writer = new Utf8JsonWriter(response.BodyWriter))
        {
            write(writer);
        }
        await response.BodyWriter.FlushAsync(httpContext.RequestAborted);
    }
}
