using System.IO.Compression;
using System.Net;
using System.Text;
using Parley.Api.Tests.Support;

namespace Parley.Api.Tests;

/// <summary>
/// Thread and count answers go out with brotli or gzip when the request accepts it, each coding with its own entity
/// tag; small answers and requests that accept neither get the plain bytes.
/// </summary>
public sealed class CompressedAnswerTests
{
    private static async Task<HttpResponseMessage> SendAsync(TestApp app, HttpMethod method, string path, string? acceptEncoding,
        string? ifNoneMatch = null, string? json = null)
    {
        var request = Wire.Request(method, path, json);
        if (acceptEncoding is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        }
        if (ifNoneMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        }
        return await app.Client.SendAsync(request);
    }

    private static byte[] Decode(byte[] body, string? encoding)
    {
        using Stream stream = encoding switch
        {
            "br" => new BrotliStream(new MemoryStream(body), CompressionMode.Decompress),
            "gzip" => new GZipStream(new MemoryStream(body), CompressionMode.Decompress),
            _ => throw new InvalidOperationException($"unexpected coding {encoding}"),
        };
        using var plain = new MemoryStream();
        stream.CopyTo(plain);
        return plain.ToArray();
    }

    // A thread whose answer is a few kilobytes of JSON.
    private static async Task<TestApp> ThreadAsync()
    {
        var app = await TestApp.StartAsync();
        for (var i = 0; i < 8; i++)
        {
            await app.CommentAsync("/long", $"Comment {i}: {string.Concat(Enumerable.Repeat("a sentence that says something. ", 10))}");
        }
        return app;
    }

    [Theory]
    [InlineData("br", "br")]
    [InlineData("gzip, deflate", "gzip")]
    [InlineData("gzip, deflate, br, zstd", "br")]
    [InlineData("br;q=0.5, gzip", "gzip")]
    [InlineData("*", "br")]
    public async Task AThreadComesCompressedInTheBestAcceptedCodingAndDecodesToThePlainAnswer(string accept, string expected)
    {
        await using var app = await ThreadAsync();
        using var plain = await SendAsync(app, HttpMethod.Get, "/?uri=%2Flong", acceptEncoding: null);
        var plainBytes = await plain.Content.ReadAsByteArrayAsync();
        Assert.True(plainBytes.Length > 2 * 1024, $"the thread answer is {plainBytes.Length} bytes");
        Assert.Empty(plain.Content.Headers.ContentEncoding);
        Assert.Contains("Accept-Encoding", plain.Headers.Vary);

        using var compressed = await SendAsync(app, HttpMethod.Get, "/?uri=%2Flong", accept);
        Assert.Equal(HttpStatusCode.OK, compressed.StatusCode);
        Assert.Equal([expected], compressed.Content.Headers.ContentEncoding);
        Assert.Equal("application/json", compressed.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Accept-Encoding", compressed.Headers.Vary);
        var body = await compressed.Content.ReadAsByteArrayAsync();
        Assert.Equal(body.Length, compressed.Content.Headers.ContentLength);
        Assert.True(body.Length < plainBytes.Length / 2, $"{body.Length} of {plainBytes.Length} bytes");
        Assert.Equal(plainBytes, Decode(body, expected));
        Assert.Equal("https://example.tld", Wire.Header(compressed, "Access-Control-Allow-Origin"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("identity")]
    [InlineData("deflate")]
    [InlineData("br;q=0, gzip;q=0")]
    [InlineData("not a header;;;")]
    public async Task WithoutAnAcceptedCodingTheAnswerIsPlain(string? accept)
    {
        await using var app = await ThreadAsync();
        using var response = await SendAsync(app, HttpMethod.Get, "/?uri=%2Flong", accept);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.Equal(8, (await Wire.JsonOf(response)).GetProperty("replies").GetArrayLength());
    }

    [Fact]
    public async Task EachCodingHasItsOwnTagAnsweredWith304UntilTheThreadChanges()
    {
        await using var app = await ThreadAsync();
        using var plain = await SendAsync(app, HttpMethod.Get, "/?uri=%2Flong", null);
        using var brotli = await SendAsync(app, HttpMethod.Get, "/?uri=%2Flong", "br");
        using var gzip = await SendAsync(app, HttpMethod.Get, "/?uri=%2Flong", "gzip");
        string[] tags = [plain.Headers.ETag!.Tag, brotli.Headers.ETag!.Tag, gzip.Headers.ETag!.Tag];
        Assert.Equal(3, tags.Distinct().Count());
        Assert.All(tags, tag => Assert.False(plain.Headers.ETag.IsWeak || brotli.Headers.ETag.IsWeak || gzip.Headers.ETag.IsWeak, tag));

        using var again = await SendAsync(app, HttpMethod.Get, "/?uri=%2Flong", "br", ifNoneMatch: tags[1]);
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Equal(tags[1], again.Headers.ETag?.Tag);
        // A tag of another coding is another representation: the full answer, in the coding asked for.
        using var crossed = await SendAsync(app, HttpMethod.Get, "/?uri=%2Flong", "br", ifNoneMatch: tags[2]);
        Assert.Equal(HttpStatusCode.OK, crossed.StatusCode);
        Assert.Equal(["br"], crossed.Content.Headers.ContentEncoding);

        await app.CommentAsync("/long", "One more.");
        using var changed = await SendAsync(app, HttpMethod.Get, "/?uri=%2Flong", "br", ifNoneMatch: tags[1]);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(tags[1], changed.Headers.ETag?.Tag);
        var json = Encoding.UTF8.GetString(Decode(await changed.Content.ReadAsByteArrayAsync(), "br"));
        Assert.Contains("One more.", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HeadTellsTheLengthOfTheBodyAGetWouldSend()
    {
        await using var app = await ThreadAsync();
        using var get = await SendAsync(app, HttpMethod.Get, "/?uri=%2Flong", "gzip");
        using var head = await SendAsync(app, HttpMethod.Head, "/?uri=%2Flong", "gzip");
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(["gzip"], head.Content.Headers.ContentEncoding);
        Assert.Equal((await get.Content.ReadAsByteArrayAsync()).Length, head.Content.Headers.ContentLength);
        Assert.Equal(get.Headers.ETag, head.Headers.ETag);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task ASmallAnswerIsSentAsItIsWhateverIsAccepted()
    {
        await using var app = await TestApp.StartAsync();
        await app.CommentAsync("/short", "Short.");
        using var response = await SendAsync(app, HttpMethod.Get, "/?uri=%2Fshort", "br, gzip");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.DoesNotContain("Accept-Encoding", response.Headers.Vary);
        Assert.True(response.Content.Headers.ContentLength < 1024);
        Assert.Equal(1, (await Wire.JsonOf(response)).GetProperty("replies").GetArrayLength());
    }

    [Fact]
    public async Task ALongCountAnswerIsCompressedToo()
    {
        await using var app = await TestApp.StartAsync();
        await app.CommentAsync("/a");
        var uris = Enumerable.Range(0, 1000).Select(i => i == 7 ? "\"/a\"" : $"\"/page-{i}\"");
        var body = $"[{string.Join(',', uris)}]";
        using var plain = await SendAsync(app, HttpMethod.Post, "/count", null, json: body);
        using var gzip = await SendAsync(app, HttpMethod.Post, "/count", "gzip", json: body);
        Assert.Equal(HttpStatusCode.OK, gzip.StatusCode);
        Assert.Equal(["gzip"], gzip.Content.Headers.ContentEncoding);
        var plainBytes = await plain.Content.ReadAsByteArrayAsync();
        Assert.Equal(plainBytes, Decode(await gzip.Content.ReadAsByteArrayAsync(), "gzip"));
        Assert.StartsWith("[0,0,0,0,0,0,0,1,0", Encoding.UTF8.GetString(plainBytes), StringComparison.Ordinal);
    }
}
