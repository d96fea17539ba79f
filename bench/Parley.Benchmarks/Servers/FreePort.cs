using System.Net;
using System.Net.Sockets;

namespace Parley.Benchmarks.Servers;

/// <summary>A loopback port nobody listens on right now, to hand a child process before it starts.</summary>
internal static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
