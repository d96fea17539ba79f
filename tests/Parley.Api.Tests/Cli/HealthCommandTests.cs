using System.Net;
using System.Net.Sockets;
using Parley.Api.Tests.Support;

namespace Parley.Api.Tests.Cli;

public sealed class HealthCommandTests
{
    [Fact]
    public async Task ARunningServerIsHealthy()
    {
        await using var app = await TestApp.StartAsync();
        var result = await ParleyCli.RunAsync("health", "--url", app.BaseAddress.ToString());
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("ok\n", result.Output);
    }

    [Fact]
    public async Task WithoutUrlTheListenAddressOfTheConfigurationIsAsked()
    {
        await using var app = await TestApp.StartAsync();
        using var config = TempConfig.Of($"[general]\nhost = https://example.org\n[server]\nlisten = {app.BaseAddress}\n");
        var result = await config.RunAsync("health");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("ok\n", result.Output);
    }

    [Fact]
    public async Task AClosedPortIsUnhealthy()
    {
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        var result = await ParleyCli.RunAsync("health", "--url", $"http://127.0.0.1:{port}");
        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("unhealthy: ", result.Error, StringComparison.Ordinal);
        Assert.Equal("", result.Output);
    }

    [Fact]
    public async Task AUnixSocketIsNamedAsUnsupported()
    {
        using var config = TempConfig.Of("[general]\nhost = https://example.org\n[server]\nlisten = unix:///run/parley.sock\n");
        var result = await config.RunAsync("health");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("unix socket", result.Error, StringComparison.Ordinal);
    }
}
