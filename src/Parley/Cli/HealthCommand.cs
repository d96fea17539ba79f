using System.CommandLine;
using System.Text.Json;

namespace Parley.Cli;

/// <summary><c>parley [-c FILE] health [--url URL]</c>: asks a running server's <c>GET /info</c>; for container health checks.</summary>
internal static class HealthCommand
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public static Command Create(Option<string> configOption)
    {
        var url = new Option<string>("--url")
        {
            HelpName = "URL",
            Description = "The server to ask, like http://localhost:8080; default: [server] listen of the configuration.",
        };
        var command = new Command("health",
            "Check that the server answers GET /info with JSON within 5 seconds: prints ok and exits with 0, else says why and exits with 1.")
        {
            url,
        };
        command.SetAction((result, ct) => RunAsync(result.GetValue(configOption)!, result.GetValue(url), ct));
        return command;
    }

    private static async Task<int> RunAsync(string configPath, string? url, CancellationToken ct)
    {
        if (url is null)
        {
            var config = StartupConfig.Load(configPath);
            if (config is null)
            {
                return 1;
            }
            url = config.Server.Listen;
        }
        if (url.StartsWith("unix://", StringComparison.OrdinalIgnoreCase))
        {
            return Unhealthy($"{url} is a unix socket, which health cannot reach; pass --url with an http address");
        }
        if (!Uri.TryCreate(url, UriKind.Absolute, out var server) || server.Scheme is not ("http" or "https"))
        {
            return Unhealthy($"\"{url}\" is not an http address");
        }
        var info = new UriBuilder(server) { Path = server.AbsolutePath.TrimEnd('/') + "/info", Query = "" };
        if (info.Host is "0.0.0.0" or "[::]" or "*" or "+")
        {
            info.Host = "localhost"; // listening on every interface: ask over loopback
        }
        using var client = new HttpClient { Timeout = Timeout };
        try
        {
            using var response = await client.GetAsync(info.Uri, ct);
            if (!response.IsSuccessStatusCode)
            {
                return Unhealthy($"{info.Uri} answered {(int)response.StatusCode} {response.ReasonPhrase}");
            }
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
            if (json.RootElement.ValueKind != JsonValueKind.Object)
            {
                return Unhealthy($"{info.Uri} did not answer with a JSON object");
            }
        }
        catch (HttpRequestException e)
        {
            return Unhealthy($"{info.Uri}: {e.Message}");
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            return Unhealthy($"{info.Uri} did not answer within {Timeout.TotalSeconds:0} seconds");
        }
        catch (JsonException)
        {
            return Unhealthy($"{info.Uri} did not answer with JSON");
        }
        Console.WriteLine("ok");
        return 0;
    }

    private static int Unhealthy(string reason)
    {
        Console.Error.WriteLine($"unhealthy: {reason}");
        return 1;
    }
}
