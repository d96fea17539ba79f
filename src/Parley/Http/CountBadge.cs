using System.Globalization;
using System.Text;
using Parley.Core.Config;
using Parley.Core.Storage;
using Parley.Http.Isso;

namespace Parley.Http;

/// <summary>
/// GET /badge.svg?uri= — "comments | N" as a small SVG image, for READMEs, dashboards and pages without JavaScript. N
/// counts the published comments, as <c>POST /count</c> does; an unknown uri is a badge with 0. The answer is kept
/// like a fetch and revalidated with its ETag, so an image proxy asking again gets 304 until the count changes.
/// </summary>
internal static class CountBadge
{
    private const string KeyPrefix = "badge:";
    private const string Label = "comments";

    // Verdana 11 px, as badges are drawn: about 55 px for the label and 7 px a digit, with 5 px either side.
    private const int LabelWidth = 65;
    private const int DigitWidth = 7;
    private const int Padding = 10;

    public static async Task<IResult> Get(HttpRequest request, ParleyConfig config, ICommentStore store, ReadCache cache, CancellationToken ct)
    {
        var uri = request.RequireUri();
        var answer = await cache.GetAsync(config, KeyPrefix + uri, _ => store.ReadSnapshotAsync(async () =>
        {
            var count = (await store.CountPublishedAsync([uri], ct))[0];
            var thread = (await store.ThreadIdsAsync([uri], ct))[0];
            return (new[] { Encoding.UTF8.GetBytes(Svg(count)) }, (IReadOnlyList<long>)[thread]);
        }, ct), ct);
        return new CachedBody(answer, revalidate: true, "image/svg+xml; charset=utf-8");
    }

    /// <summary>The badge for <paramref name="count"/>: nothing from the request reaches it but that number.</summary>
    public static string Svg(int count)
    {
        var value = count.ToString(CultureInfo.InvariantCulture);
        var valueWidth = value.Length * DigitWidth + Padding;
        var width = LabelWidth + valueWidth;
        var text = $"{Label}: {value}";
        return string.Create(CultureInfo.InvariantCulture, $"""
            <svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="20" viewBox="0 0 {width} 20" role="img" aria-label="{text}">
            <title>{text}</title>
            <linearGradient id="shine" x2="0" y2="100%"><stop offset="0" stop-color="#bbb" stop-opacity=".1"/><stop offset="1" stop-opacity=".1"/></linearGradient>
            <clipPath id="round"><rect width="{width}" height="20" rx="3" fill="#fff"/></clipPath>
            <g clip-path="url(#round)"><rect width="{LabelWidth}" height="20" fill="#555"/><rect x="{LabelWidth}" width="{valueWidth}" height="20" fill="#007ec6"/><rect width="{width}" height="20" fill="url(#shine)"/></g>
            <g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" font-size="11" aria-hidden="true">
            <text x="{LabelWidth / 2.0}" y="15" fill="#010101" fill-opacity=".3">{Label}</text><text x="{LabelWidth / 2.0}" y="14">{Label}</text>
            <text x="{LabelWidth + valueWidth / 2.0}" y="15" fill="#010101" fill-opacity=".3">{value}</text><text x="{LabelWidth + valueWidth / 2.0}" y="14">{value}</text>
            </g>
            </svg>

            """);
    }
}
