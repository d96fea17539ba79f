using System.Net;
using Parley.Core.Security;

namespace Parley.Http.Edge;

/// <summary>
/// Who is asking, and under which public address. Unlike Isso, which always trusts the last
/// <c>X-Forwarded-For</c> hop, forwarding headers count only when the connection comes from loopback
/// or from an address or range in <c>[server] trusted-proxies</c>; otherwise anyone could pick their own address and dodge the
/// rate limit and vote de-duplication. <c>X-Script-Name</c> only moves the mount path and is always honoured.
/// </summary>
internal sealed class ClientAddress(RequestDelegate next, IReadOnlyList<string> trustedProxies)
{
    private readonly List<AddressRange> _trusted = Ranges(trustedProxies);

    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var peer = context.Connection.RemoteIpAddress;
        // Kept as found and anonymised when a handler asks (see RequestSite): most requests never do.
        object? address = peer;
        if (peer is not null && IsTrusted(peer))
        {
            address = FromForwardedFor(request.Headers["X-Forwarded-For"].ToString(), peer);
            if (request.Headers["X-Forwarded-Proto"].ToString().Trim() is "http" or "https")
            {
                request.Scheme = request.Headers["X-Forwarded-Proto"].ToString().Trim();
            }
            if (request.Headers["X-Forwarded-Prefix"].ToString() is { Length: > 0 } prefix && prefix.StartsWith('/'))
            {
                request.PathBase = new PathString(prefix.TrimEnd('/'));
            }
        }
        if (request.Headers["X-Script-Name"].ToString() is { Length: > 1 } script && script.StartsWith('/'))
        {
            var mount = new PathString(script.TrimEnd('/'));
            if (request.Path.StartsWithSegments(mount, out var rest))
            {
                request.Path = rest;
            }
            request.PathBase = mount;
        }
        context.Items[typeof(ClientAddress)] = address;
        return next(context);
    }

    /// <summary>The anonymised form of what <see cref="InvokeAsync"/> found: an address, a forwarded hop, or nothing.</summary>
    public static string Anonymized(object? found) => found switch
    {
        IPAddress ip => AddressAnonymizer.Anonymize(ip),
        string hop => AddressAnonymizer.Anonymize(hop),
        _ => AddressAnonymizer.Unknown,
    };

    // Walk the hops from the nearest: the first one that is not a trusted proxy is the client.
    private object FromForwardedFor(string header, IPAddress peer)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return peer;
        }
        var hops = header.Split(',').Select(h => h.Trim()).Where(h => h.Length > 0).ToList();
        for (var i = hops.Count - 1; i >= 0; i--)
        {
            if (!IPAddress.TryParse(hops[i], out var ip) || !IsTrusted(ip))
            {
                return hops[i];
            }
        }
        return hops.Count > 0 ? hops[^1] : peer;
    }

    // The config reader refuses an entry that does not parse; a config built in code just skips it.
    private static List<AddressRange> Ranges(IReadOnlyList<string> entries)
    {
        var ranges = new List<AddressRange>();
        foreach (var entry in entries)
        {
            if (AddressRange.TryParse(entry, out var range, out _))
            {
                ranges.Add(range);
            }
        }
        return ranges;
    }

    private bool IsTrusted(IPAddress ip) =>
        IPAddress.IsLoopback(ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip) || _trusted.Any(range => range.Contains(ip));
}
