using System.Net.Http.Headers;
using System.Text;

namespace Parley.Benchmarks.Baseline;

/// <summary>Asks Parley each endpoint once, checks the status, and keeps the answer for the baseline.</summary>
internal static class ResponseCapture
{
    public static async Task<CapturedResponse> CaptureAsync(Uri baseUrl, Endpoint endpoint, CancellationToken ct)
    {
        using var client = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(30) };
        using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), new Uri(endpoint.Target, UriKind.Relative));
        if (endpoint.JsonBody is not null)
        {
            request.Content = new StringContent(endpoint.JsonBody, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
        }
        using var response = await client.SendAsync(request, ct);
        var body = await response.Content.ReadAsByteArrayAsync(ct);
        var status = (int)response.StatusCode;
        if (status != endpoint.ExpectedStatus)
        {
            var hint = endpoint.Id == "embed-js" ? " (is the client built? run 'npm ci && npm run build' in client/)" : "";
            throw new BenchError(
                $"{endpoint.Name} answered {status}, expected {endpoint.ExpectedStatus}{hint}: {Encoding.UTF8.GetString(body.AsSpan(0, Math.Min(body.Length, 300)))}");
        }
        return new CapturedResponse(endpoint.Method, endpoint.Target, status, response.Content.Headers.ContentType?.ToString(), body);
    }
}
