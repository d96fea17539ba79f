using System.Text.Json;

namespace Parley.Api.Tests.Support;

/// <summary>One Server-Sent Event: its id, type and data (comments and keep-alives are skipped).</summary>
public sealed record ServerEvent(string Id, string Type, JsonElement Data);

/// <summary>Reads a <c>text/event-stream</c> answer frame by frame, as a browser's EventSource does.</summary>
public sealed class SseReader(HttpResponseMessage response, StreamReader reader) : IAsyncDisposable
{
    // A read is never cancelled (that would close the connection): one that outlives a wait is taken up by the next.
    private Task<string?>? _pending;

    public HttpResponseMessage Response { get; } = response;

    public static async Task<SseReader> OpenAsync(HttpClient client, string path, string? lastEventId = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (lastEventId is not null)
        {
            request.Headers.Add("Last-Event-ID", lastEventId);
        }
        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        return new SseReader(response, new StreamReader(await response.Content.ReadAsStreamAsync()));
    }

    /// <summary>The next event, within <paramref name="within"/> (5 s by default), or null when none came.</summary>
    public async Task<ServerEvent?> NextAsync(TimeSpan? within = null)
    {
        var deadline = Task.Delay(within ?? TimeSpan.FromSeconds(5));
        string? id = null, type = null, data = null;
        while (true)
        {
            _pending ??= reader.ReadLineAsync();
            if (await Task.WhenAny(_pending, deadline) != _pending)
            {
                return null;
            }
            var line = await _pending;
            _pending = null;
            if (line is null)
            {
                return null;
            }
            {
                if (line.Length == 0)
                {
                    if (data is not null)
                    {
                        return new ServerEvent(id ?? "", type ?? "message", JsonDocument.Parse(data).RootElement.Clone());
                    }
                    continue;
                }
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                var (field, value) = colon < 0 ? (line, "") : (line[..colon], line[(colon + 1)..].TrimStart(' '));
                switch (field)
                {
                    case "id": id = value; break;
                    case "event": type = value; break;
                    case "data": data = data is null ? value : data + "\n" + value; break;
                }
            }
        }
    }

    /// <summary>The rest of the body as text (for an answer that is not a stream, such as a refusal).</summary>
    public Task<string> RestAsync() => reader.ReadToEndAsync();

    public ValueTask DisposeAsync()
    {
        reader.Dispose();
        Response.Dispose();
        return ValueTask.CompletedTask;
    }
}
