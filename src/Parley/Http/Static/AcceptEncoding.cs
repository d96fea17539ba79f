using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Parley.Http.Static;

/// <summary>The content codings Parley can send: none, gzip or brotli.</summary>
internal enum ContentCoding
{
    Identity,
    Gzip,
    Brotli,
}

/// <summary>Picks the coding a request's <c>Accept-Encoding</c> allows (RFC 9110 §12.5.3).</summary>
internal static class AcceptEncoding
{
    /// <summary>The body of a <see cref="ClientFile"/> to send: see <see cref="Choose(StringValues, bool, bool)"/>.</summary>
    public static ClientFileBody Choose(StringValues acceptEncoding, ClientFile file) =>
        !file.IsEncoded ? file.Plain : Choose(acceptEncoding, file.Brotli is not null, file.Gzip is not null) switch
        {
            ContentCoding.Brotli => file.Brotli!,
            ContentCoding.Gzip => file.Gzip!,
            _ => file.Plain,
        };

    /// <summary>
    /// The acceptable coding of highest quality among those on offer, the smaller on a tie (brotli, then gzip);
    /// identity when none is acceptable or the header is missing or malformed.
    /// </summary>
    public static ContentCoding Choose(StringValues acceptEncoding, bool brotliOffered, bool gzipOffered)
    {
        if (acceptEncoding.Count == 0 || !StringWithQualityHeaderValue.TryParseList(acceptEncoding, out var codings))
        {
            return ContentCoding.Identity;
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
        var brotliQuality = brotliOffered ? brotli ?? any ?? 0 : 0;
        var gzipQuality = gzipOffered ? gzip ?? any ?? 0 : 0;
        if (brotliQuality > 0 && brotliQuality >= gzipQuality)
        {
            return ContentCoding.Brotli;
        }
        return gzipQuality > 0 ? ContentCoding.Gzip : ContentCoding.Identity;
    }
}
