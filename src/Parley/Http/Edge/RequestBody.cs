using System.Text.Json;

namespace Parley.Http.Edge;

/// <summary>
/// Reads a JSON body whatever its Content-Type (as Isso does), at most 256 KiB, and applies Isso's CSRF rule.
/// </summary>
internal static class RequestBody
{
    public const int MaxBytes = 256 * 1024;

    public static async Task<JsonElement> ReadJsonAsync(HttpRequest request) => ParseJson(await ReadBytesAsync(request));

    /// <summary>The whole body, refused with 413 past <see cref="MaxBytes"/>.</summary>
    public static async Task<byte[]> ReadBytesAsync(HttpRequest request)
    {
        if (request.ContentLength > MaxBytes)
        {
            throw new IssoError(413, ErrorPage.DefaultDescription(413));
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int n;
        while ((n = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            buffer.Write(chunk, 0, n);
            if (buffer.Length > MaxBytes)
            {
                throw new IssoError(413, ErrorPage.DefaultDescription(413));
            }
        }
        return buffer.ToArray();
    }

    public static JsonElement ParseJson(byte[] bytes)
    {
        try
        {
            using var document = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 64 });
            RequireReadableStrings(document.RootElement);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            throw new IssoError(400, "Unable to read JSON request");
        }
        catch (InvalidOperationException)
        {
            // The parser accepts invalid UTF-8 and lone surrogate escapes inside strings; reading them throws.
            throw new IssoError(400, "Unable to read JSON request");
        }
    }

    private static void RequireReadableStrings(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                _ = element.GetString();
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    RequireReadableStrings(item);
                }
                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    _ = property.Name;
                    RequireReadableStrings(property.Value);
                }
                break;
            default:
                break;
        }
    }

    /// <summary>A Content-Type other than JSON means a form post from another site: refuse it. None is fine.</summary>
    public static void RejectCrossSiteForm(HttpRequest request)
    {
        var type = request.ContentType;
        if (!string.IsNullOrEmpty(type) && !type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            throw IssoError.Csrf();
        }
    }
}
