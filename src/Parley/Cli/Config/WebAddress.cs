namespace Parley.Cli.Config;

/// <summary>Checks and normalises the addresses the config actions take: website origins and the public endpoint.</summary>
internal static class WebAddress
{
    /// <summary>
    /// A website origin: <c>http</c>/<c>https</c>, a host, an optional port, nothing else. Normalised as browsers
    /// send <c>Origin</c>: lower-case, no trailing slash, default port dropped.
    /// </summary>
    public static bool TryOrigin(string input, out string origin, out string reason)
    {
        origin = "";
        if (!TryHttpUrl(input, out var uri, out reason))
        {
            return false;
        }
        if (uri.AbsolutePath != "/")
        {
            reason = $"\"{input}\" has a path; give only scheme, host and port, like {uri.GetLeftPart(UriPartial.Authority)}";
            return false;
        }
        origin = uri.GetComponents(UriComponents.SchemeAndServer, UriFormat.UriEscaped);
        return true;
    }

    /// <summary>The public base URL of the comment server: like an origin, but a path is allowed; no trailing slash.</summary>
    public static bool TryEndpoint(string input, out string endpoint, out string reason)
    {
        endpoint = "";
        if (!TryHttpUrl(input, out var uri, out reason))
        {
            return false;
        }
        endpoint = uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped).TrimEnd('/');
        return true;
    }

    /// <summary>Plain http is fine on the machine itself; anywhere else it sends comments and cookies in clear.</summary>
    public static bool IsInsecure(string origin) =>
        origin.StartsWith("http://", StringComparison.Ordinal)
        && new Uri(origin).Host is not ("localhost" or "127.0.0.1" or "[::1]");

    private static bool TryHttpUrl(string input, out Uri uri, out string reason)
    {
        reason = "";
        if (!Uri.TryCreate(input.Trim(), UriKind.Absolute, out uri!) || !input.Contains("://", StringComparison.Ordinal))
        {
            reason = $"\"{input}\" is not an absolute address; write it with its scheme, like https://{input.Trim().TrimEnd('/')}";
            return false;
        }
        if (uri.Scheme is not ("http" or "https"))
        {
            reason = $"\"{input}\" must start with http:// or https://";
            return false;
        }
        if (uri.UserInfo.Length > 0)
        {
            reason = $"\"{input}\" contains a user name, which does not belong in it";
            return false;
        }
        if (input.Contains('?', StringComparison.Ordinal) || input.Contains('#', StringComparison.Ordinal))
        {
            reason = $"\"{input}\" has a query or fragment, which does not belong in it";
            return false;
        }
        if (uri.Host.Length == 0)
        {
            reason = $"\"{input}\" names no host";
            return false;
        }
        return true;
    }
}
