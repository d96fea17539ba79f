using System.IO.Compression;
using System.Net;
using Parley.Api.Tests.Support;

namespace Parley.Api.Tests;

/// <summary>The browser client's files, served from memory: entity tags, 304, HEAD, and compressed bodies.</summary>
public sealed class ClientFileTests : IDisposable
{
    private static readonly string BuiltWebRoot = Path.Combine(AppContext.BaseDirectory, "wwwroot");

    private readonly string _webRoot = Directory.CreateTempSubdirectory("parley-webroot-").FullName;

    private static async Task<HttpResponseMessage> GetAsync(TestApp app, string path, string? acceptEncoding = null, string? ifNoneMatch = null,
        HttpMethod? method = null)
    {
        var request = new HttpRequestMessage(method ?? HttpMethod.Get, new Uri(path, UriKind.Relative));
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

    private static byte[] Gunzip(byte[] bytes)
    {
        using var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
        using var plain = new MemoryStream();
        gzip.CopyTo(plain);
        return plain.ToArray();
    }

    private static byte[] Gzip(byte[] bytes, CompressionLevel level)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, level, leaveOpen: true))
        {
            gzip.Write(bytes);
        }
        return buffer.ToArray();
    }

    private static byte[] Brotli(byte[] bytes)
    {
        using var buffer = new MemoryStream();
        using (var brotli = new BrotliStream(buffer, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            brotli.Write(bytes);
        }
        return buffer.ToArray();
    }

    // Compressible text of some size: the same line many times.
    private static byte[] Script(string name) =>
        System.Text.Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat($"console.log('{name}', 'a line of the script');\n", 200)));

    [Fact]
    public async Task EmbedScriptCarriesAStrongETagAndIsAnswered304ForIt()
    {
        await using var app = await TestApp.StartAsync();
        var onDisk = await File.ReadAllBytesAsync(Path.Combine(BuiltWebRoot, "js", "embed.min.js"));

        using var first = await GetAsync(app, "/js/embed.min.js");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(onDisk, await first.Content.ReadAsByteArrayAsync());
        Assert.Equal("text/javascript", first.Content.Headers.ContentType?.MediaType);
        Assert.Equal("max-age=43200, public", first.Headers.NonValidated["Cache-Control"].ToString());
        Assert.Null(first.Content.Headers.ContentEncoding.FirstOrDefault());
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        Assert.False(etag.IsWeak);

        using var again = await GetAsync(app, "/js/embed.min.js", ifNoneMatch: etag.Tag);
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Empty(await again.Content.ReadAsByteArrayAsync());
        Assert.Equal(etag, again.Headers.ETag);
        Assert.Equal("max-age=43200, public", again.Headers.NonValidated["Cache-Control"].ToString());

        using var weak = await GetAsync(app, "/js/embed.min.js", ifNoneMatch: $"\"other\", W/{etag.Tag}");
        Assert.Equal(HttpStatusCode.NotModified, weak.StatusCode);
        using var other = await GetAsync(app, "/js/embed.min.js", ifNoneMatch: "\"other\"");
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Equal(onDisk, await other.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("/js/embed.min.js", "js/embed.min.js")]
    [InlineData("/js/count.min.js", "js/count.min.js")]
    [InlineData("/css/isso.css", "css/isso.css")]
    public async Task GzipBodyDecompressesToExactlyTheFileOnDisk(string path, string file)
    {
        await using var app = await TestApp.StartAsync();
        var onDisk = await File.ReadAllBytesAsync(Path.Combine(BuiltWebRoot, file));

        using var plain = await GetAsync(app, path);
        using var response = await GetAsync(app, path, acceptEncoding: "gzip, deflate");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["gzip"], response.Content.Headers.ContentEncoding);
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(body.Length, response.Content.Headers.ContentLength);
        Assert.True(body.Length < onDisk.Length, $"{body.Length} bytes compressed, {onDisk.Length} plain");
        Assert.Equal(onDisk, Gunzip(body));
        Assert.Equal(plain.Content.Headers.ContentType, response.Content.Headers.ContentType);
        // Two bodies of one file: each has its own tag, and each answers 304 to its own.
        Assert.NotEqual(plain.Headers.ETag, response.Headers.ETag);
        using var again = await GetAsync(app, path, acceptEncoding: "gzip, deflate", ifNoneMatch: response.Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
    }

    [Fact]
    public async Task TheEmbedScriptAndStylesheetGoOutInBrotliWithinTwelveKilobytes()
    {
        // The server's own build output, with the build's brotli copies, as ./run.sh and a published server have it.
        var built = Path.Combine(Path.GetDirectoryName(RepoPaths.ParleyDll)!, "wwwroot");
        await using var app = await TestApp.StartAsync(webRoot: built);
        var total = 0L;
        foreach (var (path, file) in new[] { ("/js/embed.min.js", "js/embed.min.js"), ("/css/isso.css", "css/isso.css") })
        {
            using var response = await GetAsync(app, path, acceptEncoding: "br, gzip");
            Assert.Equal(["br"], response.Content.Headers.ContentEncoding);
            var body = await response.Content.ReadAsByteArrayAsync();
            using var brotli = new BrotliStream(new MemoryStream(body), CompressionMode.Decompress);
            using var plain = new MemoryStream();
            await brotli.CopyToAsync(plain);
            Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(built, file)), plain.ToArray());
            total += body.Length;
        }
        // The widget's own weight on the wire (issue target: 12 kB); bench/first-comment.sh reports it too.
        Assert.True(total <= 12_000, $"{total} bytes");
    }

    [Fact]
    public async Task BothBodiesVaryByAcceptEncoding()
    {
        await using var app = await TestApp.StartAsync();

        using var plain = await GetAsync(app, "/js/embed.min.js");
        using var gzip = await GetAsync(app, "/js/embed.min.js", acceptEncoding: "gzip");

        Assert.Equal(["Accept-Encoding"], plain.Headers.Vary);
        Assert.Equal(["Accept-Encoding"], gzip.Headers.Vary);
    }

    [Theory]
    [InlineData("gzip;q=0")]
    [InlineData("identity")]
    [InlineData("deflate")]
    [InlineData("*;q=1, gzip;q=0")]
    public async Task AnEncodingTheClientRefusesOrNamesNotIsNotSent(string acceptEncoding)
    {
        await using var app = await TestApp.StartAsync();
        var onDisk = await File.ReadAllBytesAsync(Path.Combine(BuiltWebRoot, "js", "embed.min.js"));

        using var response = await GetAsync(app, "/js/embed.min.js", acceptEncoding: acceptEncoding);

        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.Equal(onDisk, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task HeadAnswersTheHeadersOfGetWithoutABody()
    {
        await using var app = await TestApp.StartAsync();
        using var get = await GetAsync(app, "/js/embed.min.js", acceptEncoding: "gzip");

        using var head = await GetAsync(app, "/js/embed.min.js", acceptEncoding: "gzip", method: HttpMethod.Head);

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        Assert.Equal(get.Content.Headers.ContentLength, head.Content.Headers.ContentLength);
        Assert.Equal(get.Content.Headers.ContentType, head.Content.Headers.ContentType);
        Assert.Equal(get.Content.Headers.ContentEncoding, head.Content.Headers.ContentEncoding);
        Assert.Equal(get.Headers.ETag, head.Headers.ETag);
    }

    [Fact]
    public async Task AFileNotInTheClientIsStill404AndOtherMethodsAreNotServed()
    {
        await using var app = await TestApp.StartAsync();

        using var missing = await GetAsync(app, "/js/nope.min.js");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        using var otherCase = await GetAsync(app, "/js/EMBED.min.js");
        Assert.Equal(HttpStatusCode.NotFound, otherCase.StatusCode);
        using var post = await app.Client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/js/embed.min.js"));
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.DoesNotContain("text/javascript", post.Content.Headers.ContentType?.ToString() ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASourceMapIsLeftOnDiskAndStillServed()
    {
        await using var app = await TestApp.StartAsync();
        var onDisk = await File.ReadAllBytesAsync(Path.Combine(BuiltWebRoot, "js", "embed.min.js.map"));

        using var response = await GetAsync(app, "/js/embed.min.js.map", acceptEncoding: "gzip");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(onDisk, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task TheBuildsCompressedCopiesAreServedOnlyIfTheyDecodeToTheFile()
    {
        Directory.CreateDirectory(Path.Combine(_webRoot, "js"));
        var fresh = Script("fresh");
        var stale = Script("stale");
        await File.WriteAllBytesAsync(Path.Combine(_webRoot, "js", "fresh.js"), fresh);
        await File.WriteAllBytesAsync(Path.Combine(_webRoot, "js", "fresh.js.br"), Brotli(fresh));
        await File.WriteAllBytesAsync(Path.Combine(_webRoot, "js", "fresh.js.gz"), Gzip(fresh, CompressionLevel.Fastest));
        await File.WriteAllBytesAsync(Path.Combine(_webRoot, "js", "stale.js"), stale);
        // Left by an older build: copies of other content, and one that is not gzip at all.
        await File.WriteAllBytesAsync(Path.Combine(_webRoot, "js", "stale.js.br"), Brotli(Script("older")));
        await File.WriteAllBytesAsync(Path.Combine(_webRoot, "js", "stale.js.gz"), Gzip(Script("older"), CompressionLevel.Fastest));
        await File.WriteAllBytesAsync(Path.Combine(_webRoot, "js", "broken.js"), stale);
        await File.WriteAllBytesAsync(Path.Combine(_webRoot, "js", "broken.js.gz"), Script("not gzip"));
        await using var app = await TestApp.StartAsync(webRoot: _webRoot);

        using var brotli = await GetAsync(app, "/js/fresh.js", acceptEncoding: "gzip, deflate, br");
        Assert.Equal(["br"], brotli.Content.Headers.ContentEncoding);
        Assert.Equal(Brotli(fresh), await brotli.Content.ReadAsByteArrayAsync());
        using var gzip = await GetAsync(app, "/js/fresh.js", acceptEncoding: "br;q=0.5, gzip");
        Assert.Equal(["gzip"], gzip.Content.Headers.ContentEncoding);
        Assert.Equal(Gzip(fresh, CompressionLevel.Fastest), await gzip.Content.ReadAsByteArrayAsync());

        foreach (var path in new[] { "/js/stale.js", "/js/broken.js" })
        {
            using var notStale = await GetAsync(app, path, acceptEncoding: "gzip, deflate, br");
            Assert.Equal(["gzip"], notStale.Content.Headers.ContentEncoding);
            Assert.Equal(stale, Gunzip(await notStale.Content.ReadAsByteArrayAsync()));
        }
    }

    [Fact]
    public async Task WithoutTheClientTheServerStartsAndAnswers404ForIt()
    {
        await using var app = await TestApp.StartAsync(webRoot: Path.Combine(_webRoot, "absent"));

        using var info = await app.GetAsync("/info");
        Assert.Equal(HttpStatusCode.OK, info.StatusCode);
        using var script = await GetAsync(app, "/js/embed.min.js");
        Assert.Equal(HttpStatusCode.NotFound, script.StatusCode);
    }

    public void Dispose() => Directory.Delete(_webRoot, recursive: true);
}
