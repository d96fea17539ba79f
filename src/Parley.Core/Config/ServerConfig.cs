namespace Parley.Core.Config;

/// <summary><c>[server]</c>.</summary>
public sealed record ServerConfig
{
    /// <summary><c>listen</c>: <c>http://HOST:PORT</c> or <c>unix:///path</c>.</summary>
    public string Listen { get; init; } = "http://localhost:8080";
    /// <summary><c>public-endpoint</c>: public base URL, trailing slashes removed; empty derives it per request.</summary>
    public string PublicEndpoint { get; init; } = "";
    /// <summary><c>reload</c>: accepted for compatibility, ignored.</summary>
    public bool Reload { get; init; }
    /// <summary><c>profile</c>: accepted for compatibility, ignored.</summary>
    public bool Profile { get; init; }
    /// <summary><c>trusted-proxies</c>: addresses or CIDR ranges of proxies whose forwarding headers are honoured, one per line.</summary>
    public IReadOnlyList<string> TrustedProxies { get; init; } = [];
    /// <summary>
    /// <c>metrics-allow</c>: addresses or CIDR ranges that may read <c>GET /metrics</c> (Prometheus text), one per line,
    /// matched against the connecting address itself, never a forwarded one. Empty (the default) turns the endpoint off.
    /// </summary>
    public IReadOnlyList<string> MetricsAllow { get; init; } = [];
    /// <summary><c>samesite</c>: SameSite of the comment cookies (the admin session is always Strict); empty picks None over https, Lax otherwise.</summary>
    public string SameSite { get; init; } = "";
}
