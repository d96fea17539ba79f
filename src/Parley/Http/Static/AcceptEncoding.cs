using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Parley.Http.Static;

/// <summary>Picks the body of a <see cref="ClientFile"/> that a request's <c>Accept-Encoding</c> allows (RFC 9110 §12.5.3).</summary>
internal static class AcceptEncoding
{
    /// <summary>The acceptable encoding of highest quality, the smaller on a tie (brotli, then gzip); the plain file otherwise.</summary>
    public static ClientFileBody Choose(StringValues acceptEncoding, ClientFile file)
    {
        if (!file.IsEncoded || acceptEncoding.Count == 0 || !StringWithQualityHeaderValue.TryParseList(acceptEncoding, out var codings))
        {
            return file.Plain;
        }
        // A coding not named takes the quality of "*", or is not acceptable; "gzip;q=0" refuses gzip even beside "*".
        double? brotli = null, gzip = null, any = null;
        foreach (var coding in codings)
        {
            var quality = coding.Quality ?? 1;
            if (coding.Value.Equals("br", StringComparison.OrdinalIgnoreCase))
            {
                brotli = Math.Max(brotli ?? 0, quality);
            }
            else if (coding.Value.Equals("gzip", StringComparison.OrdinalIgnoreCase))
            {
                gzip = Math.Max(gzip ?? 0, quality);
            }
            else if (coding.Value.Equals("*", StringComparison.Ordinal))
            {
                any = Math.Max(any ?? 0, quality);
            }
        }
        var brotliQuality = file.Brotli is null ? 0 : brotli ?? any ?? 0;
        var gzipQuality = file.Gzip is null ? 0 : gzip ?? any ?? 0;
        if (brotliQuality > 0 && brotliQuality >= gzipQuality)
        {
            return file.Brotli!;
        }
        return gzipQuality > 0 ? file.Gzip! : file.Plain;
    }
}
