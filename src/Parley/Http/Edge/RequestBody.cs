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
        if (request.ContentLength is { } length)
        {
            return await ReadExactlyAsync(request, (int)length);
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

    // Every client sends a Content-Length with these small bodies: one array of that size, no buffer to grow or copy.
    private static async Task<byte[]> ReadExactlyAsync(HttpRequest request, int length)
    {
        var bytes = new byte[length];
        var read = 0;
        int n;
        while (read < length && (n = await request.Body.ReadAsync(bytes.AsMemory(read), request.HttpContext.RequestAborted)) > 0)
        {
            read += n;
        }
        return read == length ? bytes : bytes[..read];
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

    // Every string must decode, and none may hold a NUL (see InvalidCharacters); the refusal names where it is,
    // as "text" or "ids[2]". Other control characters are kept, as Isso keeps them: the feed drops them.
    private static void RequireReadableStrings(JsonElement element, string path = "")
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                if (InvalidCharacters.FirstIn(element.GetString(), controlsAllowed: true) is { } found)
                {
                    throw new IssoError(400, InvalidCharacters.Message("field", path, found));
                }
                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    RequireReadableStrings(item, $"{path}[{index++}]");
                }
                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (InvalidCharacters.FirstIn(property.Name, controlsAllowed: true) is { } inName)
                    {
                        throw new IssoError(400, InvalidCharacters.Message("field", null, inName));
                    }
                    RequireReadableStrings(property.Value, path.Length == 0 ? property.Name : $"{path}.{property.Name}");
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
