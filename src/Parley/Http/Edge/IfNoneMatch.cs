using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Parley.Http.Edge;

/// <summary>Whether a request's <c>If-None-Match</c> names the answer's current entity tag, so a 304 will do.</summary>
internal static class IfNoneMatch
{
    // If-None-Match compares weakly (RFC 9110 §13.1.2): a W/ prefix on either side does not matter.
    public static bool Matches(StringValues ifNoneMatch, string etag)
    {
        if (ifNoneMatch.Count == 0)
        {
            return false;
        }
        if (!EntityTagHeaderValue.TryParseList(ifNoneMatch, out var tags))
        {
            return false;
        }
        var ours = new EntityTagHeaderValue(etag);
        return tags.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(ours, useStrongComparison: false));
    }
}
