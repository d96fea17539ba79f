using System.Net;
using System.Net.Sockets;

namespace Parley.Cli;

/// <summary>
/// Tries the address of <c>[server] listen</c> before the server starts, so a port already taken is one sentence
/// naming the key instead of the host's failure log. The addresses are the ones the host binds (see ParleyHost).
/// </summary>
internal static class PortProbe
{
    /// <summary><paramref name="listen"/> when another program is listening there; null when it is free or not TCP.</summary>
    public static string? InUse(string listen)
    {
        if (listen.StartsWith("unix://", StringComparison.OrdinalIgnoreCase) || !Uri.TryCreate(listen, UriKind.Absolute, out var uri))
        {
            return null;
        }
        var address = uri.Host is "localhost" ? IPAddress.Loopback
            : IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) ? ip
            : IPAddress.Any;
        using var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        // As the server will: a port left in TIME_WAIT by a stopped server is free to take.
        socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        try
        {
            socket.Bind(new IPEndPoint(address, uri.IsDefaultPort ? 80 : uri.Port));
            return null;
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            return listen;
        }
        catch (SocketException)
        {
            // Not ours to judge (no such interface, no permission for a low port): the server says why when it binds.
            return null;
        }
    }
}
