using System.Net;
using System.Net.Sockets;

namespace Parley.Api.Tests.Support;

/// <summary>
/// A TCP relay on a loopback port to a real server: the network between Parley and its database, which a test can cut
/// (<see cref="Stop"/>: the listener closes and every open connection is reset) and mend (<see cref="Start"/>, same port).
/// </summary>
public sealed class TcpRelay(int port, string targetHost, int targetPort) : IAsyncDisposable
{
    private readonly List<TcpClient> _open = [];
    private readonly Lock _lock = new();
    private TcpListener? _listener;
    private CancellationTokenSource? _running;

    public int Port => port;

    public void Start()
    {
        _running = new CancellationTokenSource();
        _listener = new TcpListener(IPAddress.Loopback, port);
        _listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        _listener.Start();
        _ = AcceptAsync(_listener, _running.Token);
    }

    public void Stop()
    {
        _running?.Cancel();
        _listener?.Stop();
        lock (_lock)
        {
            foreach (var client in _open)
            {
                try
                {
                    // Reset, not a polite close: the far end sees the network fail.
                    client.Client?.LingerState = new LingerOption(true, 0);
                }
                catch (ObjectDisposedException)
                {
                    // Its pipe closed it already.
                }
                client.Dispose();
            }
            _open.Clear();
        }
    }

    private async Task AcceptAsync(TcpListener listener, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            TcpClient inbound;
            try
            {
                inbound = await listener.AcceptTcpClientAsync(ct);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            var outbound = new TcpClient();
            try
            {
                await outbound.ConnectAsync(targetHost, targetPort, ct);
            }
            catch (Exception e) when (e is SocketException or OperationCanceledException)
            {
                inbound.Dispose();
                outbound.Dispose();
                continue;
            }
            lock (_lock)
            {
                _open.Add(inbound);
                _open.Add(outbound);
            }
            _ = PipeAsync(inbound, outbound, ct);
            _ = PipeAsync(outbound, inbound, ct);
        }
    }

    private static async Task PipeAsync(TcpClient from, TcpClient to, CancellationToken ct)
    {
        try
        {
            await from.GetStream().CopyToAsync(to.GetStream(), ct);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException or InvalidOperationException)
        {
            // Cut: the other direction ends too.
        }
        to.Dispose();
        from.Dispose();
    }

    public ValueTask DisposeAsync()
    {
        Stop();
        return ValueTask.CompletedTask;
    }
}
