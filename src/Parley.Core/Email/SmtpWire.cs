using System.Globalization;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Text;

namespace Parley.Core.Email;

/// <summary>
/// The byte level of one SMTP connection: lines out, replies in (checked against the class a step wants), TLS upgrade.
/// Every operation runs under the step time-out and turns socket, TLS and time-out failures into <see cref="SmtpException"/>.
/// </summary>
internal sealed class SmtpWire : IAsyncDisposable
{
    // A reply line longer than this is not SMTP (RFC 5321 allows 512).
    private const int MaxLineBytes = 8192;

    private readonly Socket _socket;
    private readonly string _host;
    private readonly int _port;
    private readonly TimeSpan _timeout;
    private Stream _stream;
    private readonly byte[] _buffer = new byte[4096];
    private int _bufferStart;
    private int _bufferEnd;

    private SmtpWire(Socket socket, string host, int port, TimeSpan timeout)
    {
        _socket = socket;
        _stream = new NetworkStream(socket, ownsSocket: true);
        _host = host;
        _port = port;
        _timeout = timeout;
    }

    public static async Task<SmtpWire> ConnectAsync(string host, int port, TimeSpan timeout, CancellationToken ct)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        try
        {
            using var step = StepToken(timeout, ct);
            await socket.ConnectAsync(host, port, step.Token);
            return new SmtpWire(socket, host, port, timeout);
        }
        catch (Exception e)
        {
            socket.Dispose();
            if (e is SocketException or IOException || (e is OperationCanceledException && !ct.IsCancellationRequested))
            {
                var why = e is OperationCanceledException ? NoAnswer(timeout) : e.Message;
                throw new SmtpException($"connection to {host}:{port} failed: {why}", null, e);
            }
            throw;
        }
    }

    public Task UpgradeToTlsAsync(RemoteCertificateValidationCallback? validation, CancellationToken ct) =>
        StepAsync("TLS handshake", async token =>
        {
            var tls = new SslStream(_stream, leaveInnerStreamOpen: false);
            _stream = tls;
            // Anything the server sent before the handshake must not be read as protected data.
            _bufferStart = _bufferEnd = 0;
            await tls.AuthenticateAsClientAsync(
                new SslClientAuthenticationOptions { TargetHost = _host, RemoteCertificateValidationCallback = validation },
                token);
            return true;
        }, ct);

    public Task WriteLineAsync(string what, string line, CancellationToken ct) =>
        WriteAsync(what, Encoding.UTF8.GetBytes(line + "\r\n"), ct);

    public Task WriteAsync(string what, ReadOnlyMemory<byte> bytes, CancellationToken ct) =>
        StepAsync(what, async token =>
        {
            await _stream.WriteAsync(bytes, token);
            await _stream.FlushAsync(token);
            return true;
        }, ct);

    public Task<SmtpReply> ReadReplyAsync(string what, CancellationToken ct) =>
        StepAsync(what, async token =>
        {
            var lines = new List<string>();
            while (true)
            {
                var line = await ReadLineAsync(token);
                if (line.Length < 3 || !int.TryParse(line.AsSpan(0, 3), NumberStyles.None, CultureInfo.InvariantCulture, out var code)
                    || (line.Length > 3 && line[3] is not (' ' or '-')))
                {
                    throw new SmtpException($"{what}: malformed reply from {_host}:{_port}: {line}");
                }
                lines.Add(line.Length > 4 ? line[4..] : "");
                if (line.Length == 3 || line[3] == ' ')
                {
                    return new SmtpReply(code, lines);
                }
            }
        }, ct);

    /// <summary>Sends <paramref name="command"/> and wants a reply of <paramref name="expectedClass"/> (2xx unless told).</summary>
    public async Task CommandAsync(string step, string command, CancellationToken ct, int expectedClass = 2)
    {
        await WriteLineAsync(step, command, ct);
        await ExpectAsync(step, ct, expectedClass);
    }

    // 2xx completes a step; DATA alone wants 354 (3xx) before the message goes out.
    public async Task ExpectAsync(string step, CancellationToken ct, int expectedClass = 2)
    {
        var reply = await ReadReplyAsync(step, ct);
        if (reply.Code / 100 != expectedClass)
        {
            throw reply.Refusal(step + " rejected");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stream.DisposeAsync();
        _socket.Dispose();
    }

    private async Task<string> ReadLineAsync(CancellationToken ct)
    {
        var line = new List<byte>();
        while (true)
        {
            if (_bufferStart == _bufferEnd)
            {
                _bufferStart = 0;
                _bufferEnd = await _stream.ReadAsync(_buffer, ct);
                if (_bufferEnd == 0)
                {
                    throw new IOException("the server closed the connection");
                }
            }
            var newline = Array.IndexOf(_buffer, (byte)'\n', _bufferStart, _bufferEnd - _bufferStart);
            var end = newline < 0 ? _bufferEnd : newline;
            line.AddRange(_buffer.AsSpan(_bufferStart, end - _bufferStart));
            _bufferStart = newline < 0 ? _bufferEnd : newline + 1;
            if (line.Count > MaxLineBytes)
            {
                throw new IOException($"reply line longer than {MaxLineBytes} bytes");
            }
            if (newline >= 0)
            {
                return Encoding.UTF8.GetString([.. line]).TrimEnd('\r');
            }
        }
    }

    private async Task<T> StepAsync<T>(string what, Func<CancellationToken, Task<T>> step, CancellationToken ct)
    {
        try
        {
            using var limit = StepToken(_timeout, ct);
            return await step(limit.Token);
        }
        catch (OperationCanceledException e) when (!ct.IsCancellationRequested)
        {
            throw new SmtpException($"{what}: {NoAnswer(_timeout)} from {_host}:{_port}", null, e);
        }
        catch (AuthenticationException e)
        {
            throw new SmtpException($"{what} with {_host}:{_port} failed: {e.Message}", null, e);
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
        {
            throw new SmtpException($"{what}: connection to {_host}:{_port} failed: {e.Message}", null, e);
        }
    }

    private static CancellationTokenSource StepToken(TimeSpan timeout, CancellationToken ct)
    {
        var source = CancellationTokenSource.CreateLinkedTokenSource(ct);
        source.CancelAfter(timeout);
        return source;
    }

    private static string NoAnswer(TimeSpan timeout) =>
        $"no answer within {timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s";
}
