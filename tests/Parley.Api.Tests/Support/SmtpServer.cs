using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Parley.Api.Tests.Support;

/// <summary>
/// tests/smtp/capture_server.py (aiosmtpd) as a child process on a free loopback port.
/// It can be stopped and started again on the same port and folder, to play an outage.
/// </summary>
public sealed class SmtpServer : IAsyncDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(15);

    private readonly SmtpServerOptions _options;
    private readonly string _folder;
    private Process? _process;

    private SmtpServer(SmtpServerOptions options, int port)
    {
        _options = options;
        Port = port;
        _folder = Directory.CreateTempSubdirectory("parley-smtp-").FullName;
    }

    public int Port { get; }

    /// <summary>Every message stored so far, in the order received.</summary>
    public IReadOnlyList<ReceivedMail> Mails =>
        [.. Directory.GetFiles(_folder, "*.json")
            .Select(path => int.Parse(Path.GetFileNameWithoutExtension(path), System.Globalization.CultureInfo.InvariantCulture))
            .Order()
            .Select(Read)];

    /// <summary>How many connections the server has accepted, over all its runs on this folder.</summary>
    public int Connections => Count("connections");

    /// <summary>How many connections are open now (as the running server sees them).</summary>
    public int OpenConnections => Count("open");

    public static async Task<SmtpServer> StartAsync(SmtpServerOptions? options = null)
    {
        var server = new SmtpServer(options ?? new SmtpServerOptions(), Parley.Tests.Shared.FreePort.Next());
        await server.StartAsync();
        return server;
    }

    /// <summary>Starts the process (again), on the same port and folder; returns once it listens.</summary>
    public async Task StartAsync()
    {
        if (_process is not null)
        {
            throw new InvalidOperationException("The SMTP server is already running.");
        }
        var start = new ProcessStartInfo("/usr/bin/python3")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in Arguments())
        {
            start.ArgumentList.Add(argument);
        }
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var errors = new StringBuilder();
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data == "READY")
            {
                ready.TrySetResult();
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            lock (errors)
            {
                errors.AppendLine(e.Data);
            }
        };
        process.Exited += (_, _) => ready.TrySetException(new InvalidOperationException("capture_server.py exited"));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        try
        {
            await ready.Task.WaitAsync(ReadyTimeout);
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException)
        {
            await StopAsync();
            string stderr;
            lock (errors)
            {
                stderr = errors.ToString();
            }
            throw new InvalidOperationException($"The test SMTP server did not start ({e.Message}):\n{stderr}", e);
        }
    }

    /// <summary>Kills the process and waits until nothing listens on the port any more.</summary>
    public async Task StopAsync()
    {
        if (_process is null)
        {
            return;
        }
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        await _process.WaitForExitAsync();
        _process.Dispose();
        _process = null;
        for (var attempt = 0; attempt < 100 && await IsListeningAsync(); attempt++)
        {
            await Task.Delay(50);
        }
    }

    /// <summary>Waits until at least <paramref name="count"/> messages arrived.</summary>
    public async Task<IReadOnlyList<ReceivedMail>> WaitForMailsAsync(int count, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var mails = Mails;
            if (mails.Count >= count)
            {
                return mails;
            }
            if (deadline.Elapsed > timeout)
            {
                throw new TimeoutException($"Expected {count} mail(s) within {timeout}, got {mails.Count}.");
            }
            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private IEnumerable<string> Arguments()
    {
        yield return RepoPaths.SmtpCaptureServer;
        yield return "--host";
        yield return "127.0.0.1";
        yield return "--port";
        yield return Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        yield return "--dir";
        yield return _folder;
        if (_options.StartTls || _options.Smtps)
        {
            yield return _options.StartTls ? "--starttls" : "--smtps";
            yield return TestCertificate.Shared.CertPath;
            yield return TestCertificate.Shared.KeyPath;
        }
        if (_options.Auth is not null)
        {
            yield return "--auth";
            yield return _options.Auth;
        }
        if (_options.RejectRecipient is not null)
        {
            yield return "--reject-rcpt";
            yield return _options.RejectRecipient;
        }
        if (_options.TempFail > 0)
        {
            yield return "--tempfail";
            yield return _options.TempFail.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        if (_options.DropAfter is { } dropAfter)
        {
            yield return "--drop-after";
            yield return dropAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    private int Count(string file)
    {
        var path = Path.Combine(_folder, file);
        return File.Exists(path) ? int.Parse(File.ReadAllText(path), System.Globalization.CultureInfo.InvariantCulture) : 0;
    }

    private ReceivedMail Read(int sequence)
    {
        var basePath = Path.Combine(_folder, sequence.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var meta = JsonDocument.Parse(File.ReadAllText(basePath + ".json"));
        var root = meta.RootElement;
        return new ReceivedMail(
            root.GetProperty("mail_from").GetString() ?? "",
            [.. root.GetProperty("rcpt_tos").EnumerateArray().Select(r => r.GetString() ?? "")],
            root.GetProperty("auth_user").GetString(),
            File.ReadAllBytes(basePath + ".eml"));
    }

    private async Task<bool> IsListeningAsync()
    {
        using var probe = new TcpClient();
        try
        {
            await probe.ConnectAsync(IPAddress.Loopback, Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
