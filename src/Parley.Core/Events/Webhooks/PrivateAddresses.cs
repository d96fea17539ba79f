using System.Net;
using System.Net.Sockets;
using Parley.Core.Security;

namespace Parley.Core.Events.Webhooks;

/// <summary>
/// Keeps webhooks off the host and its network: a request is connected only to a public address, checked on the address
/// actually connected to (after DNS, so a name cannot be pointed at 127.0.0.1 later), unless <c>[webhook]
/// allow-private</c> says otherwise.
/// </summary>
public static class PrivateAddresses
{
    private static readonly AddressRange[] Ranges = [.. new[]
    {
        "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12", "192.0.0.0/24",
        "192.168.0.0/16", "198.18.0.0/15", "224.0.0.0/3", "::/128", "::1/128", "fc00::/7", "fe80::/10", "ff00::/8",
    }.Select(Parse)];

    public static bool IsPrivate(IPAddress address) => Ranges.Any(range => range.Contains(address));

    /// <summary>A connect step for <see cref="SocketsHttpHandler.ConnectCallback"/> that refuses private addresses.</summary>
    public static async ValueTask<Stream> ConnectPublicAsync(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, ct);
        var allowed = addresses.Where(a => !IsPrivate(a)).ToArray();
        if (allowed.Length == 0)
        {
            throw new HttpRequestException(
                $"{host} is a loopback or private address; set [webhook] allow-private = true to send webhooks to it");
        }
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static AddressRange Parse(string text) =>
        AddressRange.TryParse(text, out var range, out var problem) ? range : throw new InvalidOperationException(problem);
}
