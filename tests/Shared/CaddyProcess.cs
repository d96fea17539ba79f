using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Parley.Tests.Shared;

/// <summary>
/// One site of a <see cref="CaddyProcess"/>: its public address (https: with Caddy's internal CA; http: plain) and the
/// plain-http servers behind it, taken in turn when there are several.
/// </summary>
public sealed record CaddySite(Uri Public, params string[] Upstreams);

/// <summary>
/// Debian's Caddy as a reverse proxy in front of local servers, as deploy/Caddyfile sets it up, but with its own
/// internal CA (<c>tls internal</c>), nothing installed into the machine's trust store, its certificates and
/// state in a temporary folder, no admin endpoint, and every site on loopback at a free port. A site with several
/// servers balances them round-robin, as a site running several Parley instances would.
/// </summary>
public sealed class CaddyProcess : IAsyncDisposable
{
    public const string Executable = "/usr/bin/caddy";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly string _directory;
    private readonly StringBuilder _output = new();

    private CaddyProcess(Process process, string directory)
    {
        _process = process;
        _directory = directory;
    }

    /// <summary>What Caddy logged so far.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>An https address on <c>[::1]</c> at a free port, for a site to pass to <see cref="StartAsync"/>.</summary>
    public static Uri FreeAddress() => new("https://[::1]:" + FreePort.Next().ToString(CultureInfo.InvariantCulture) + "/");

    public static async Task<CaddyProcess> StartAsync(params CaddySite[] sites)
    {
        if (!File.Exists(Executable))
        {
            throw new InvalidOperationException($"{Executable} is missing: install Debian's caddy package (test.sh does).");
        }
        var directory = Directory.CreateTempSubdirectory("parley-caddy-").FullName;
        var caddyfile = Path.Combine(directory, "Caddyfile");
        await File.WriteAllTextAsync(caddyfile, Caddyfile(directory, sites));
        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = directory,
        };
        foreach (var arg in new[] { "run", "--config", caddyfile, "--adapter", "caddyfile" })
        {
            start.ArgumentList.Add(arg);
        }
        // Caddy keeps its autosaved config and the CA's helper files under these; none may land in the real home.
        start.Environment["HOME"] = directory;
        start.Environment["XDG_DATA_HOME"] = Path.Combine(directory, "data-home");
        start.Environment["XDG_CONFIG_HOME"] = Path.Combine(directory, "config-home");
        var process = Process.Start(start) ?? throw new InvalidOperationException("caddy did not start");
        var caddy = new CaddyProcess(process, directory);
        process.OutputDataReceived += (_, e) => caddy.Append(e.Data);
        process.ErrorDataReceived += (_, e) => caddy.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            foreach (var site in sites)
            {
                await caddy.WaitUntilServingAsync(site.Public);
            }
        }
        catch
        {
            await caddy.DisposeAsync();
            throw;
        }
        return caddy;
    }

    // admin off: no listener on the shared port 2019. HTTP/1.1 and HTTP/2 only: HTTP/3 would open UDP ports too.
    // The http port is never used (no redirects) but is set to a free one all the same. Loopback clients are trusted
    // proxies, so a test's X-Forwarded-For reaches the servers with the loopback address appended.
    private static string Caddyfile(string directory, IEnumerable<CaddySite> sites)
    {
        var text = new StringBuilder($$"""
            {
            	admin off
            	skip_install_trust
            	storage file_system {
            		root {{Path.Combine(directory, "storage")}}
            	}
            	http_port {{FreePort.Next().ToString(CultureInfo.InvariantCulture)}}
            	auto_https disable_redirects
            	servers {
            		protocols h1 h2
            	}
            }

            """);
        foreach (var site in sites)
        {
            var tls = site.Public.Scheme == Uri.UriSchemeHttps ? "tls internal" : "";
            // A server that cannot be reached is skipped for a while and the request tried on the next one.
            text.Append(CultureInfo.InvariantCulture, $$"""

                {{site.Public.GetLeftPart(UriPartial.Authority)}} {
                	bind {{site.Public.Host.Trim('[', ']')}}
                	{{tls}}
                	reverse_proxy {{string.Join(' ', site.Upstreams)}} {
                		trusted_proxies 127.0.0.0/8 ::1/128
                		lb_policy round_robin
                		lb_try_duration 5s
                		fail_duration 10s
                	}
                }

                """);
        }
        return text.ToString();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    // Serving means answering over TLS with anything at all; the certificate is Caddy's own, so not checked here.
    private async Task WaitUntilServingAsync(Uri site)
    {
        using var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator };
        using var client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartTimeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"caddy exited with {_process.ExitCode} before serving {site}:\n{Output}");
            }
            try
            {
                using var response = await client.GetAsync(site);
                return;
            }
            catch (HttpRequestException)
            {
                // Not listening, or its certificate not issued yet.
            }
            catch (TaskCanceledException)
            {
                // Slow on a busy machine; ask again.
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"caddy did not serve {site} within {StartTimeout.TotalSeconds}s:\n{Output}");
    }

    /// <summary>Stops the Caddy this object started (that process only) and deletes its folder.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It had already exited (a failed start).
        }
        await _process.WaitForExitAsync();
        _process.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by the OS is left for the temp cleaner; no test depends on it.
        }
    }
}
