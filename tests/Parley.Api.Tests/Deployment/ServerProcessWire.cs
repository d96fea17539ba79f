using System.Net;
using System.Text.Json;
using Parley.Api.Tests.Lifecycle;
using Parley.Core.Config;

namespace Parley.Api.Tests.Deployment;

/// <summary>A real server process (Lifecycle, Deployment, Durability): its config file and the few requests the tests make to it.</summary>
internal static class ServerProcessWire
{
    /// <summary>A config for a server on <paramref name="port"/>, guard off, with <paramref name="settings"/> set on top.</summary>
    public static string WriteConfig(string path, string dbPath, int port, params (string Section, string Key, string Value)[] settings)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var ini = IniFile.Parse($"# kept\n[general]\ndbpath = {dbPath}\nhost = https://blog.example.org\n\n[server]\nlisten = http://127.0.0.1:{port}\n\n[guard]\nenabled = false\n");
        foreach (var (section, key, value) in settings)
        {
            ini.Set(section, key, value);
        }
        File.WriteAllText(path, ini.ToString());
        return path;
    }

    /// <summary>An empty database at <paramref name="path"/>, as a first start would leave it.</summary>
    public static void CreateDatabase(string path) => Parley.Storage.Sqlite.SqliteCommentStore.Open(path).Dispose();

    public static HttpClient Client(InstalledServer server) => new() { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(30) };

    public static async Task PostAsync(HttpClient client, string uri, string text)
    {
        var (status, body) = await NewAsync(client, uri, text);
        Assert.True(status == HttpStatusCode.Created, $"{(int)status} {body}");
    }

    /// <summary>
    /// POST /new as a reader at <paramref name="address"/>, sent as <c>X-Forwarded-For</c> (the loopback peer is a trusted
    /// proxy); answers the status and the JSON body (the comment, or the refusal's message).
    /// </summary>
    public static async Task<(HttpStatusCode Status, JsonElement Body)> NewAsync(HttpClient client, string uri, string text, string? address = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/new?uri={Uri.EscapeDataString(uri)}")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { text, title = "A post" }), System.Text.Encoding.UTF8, "application/json"),
        };
        return await SendAsync(client, request, address);
    }

    /// <summary>POST /id/&lt;id&gt;/like as a reader at <paramref name="address"/>: always 200, a refusal carries a message.</summary>
    public static async Task<JsonElement> LikeAsync(HttpClient client, long id, string address)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/id/{id}/like");
        var (status, body) = await SendAsync(client, request, address);
        Assert.True(status == HttpStatusCode.OK, $"like from {address}: {(int)status} {body}");
        return body;
    }

    public static async Task<List<string>> TextsAsync(HttpClient client, string uri) =>
        [.. (await CommentsAsync(client, uri)).Select(c => c.GetProperty("text").GetString()!)];

    /// <summary>Each top-level comment of the thread, then its replies, as GET /?uri= serves them; none when it does not exist.</summary>
    public static async Task<List<JsonElement>> CommentsAsync(HttpClient client, string uri)
    {
        using var response = await client.GetAsync($"/?uri={Uri.EscapeDataString(uri)}&plain=1");
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return [];
        }
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var thread = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return [.. thread.GetProperty("replies").EnumerateArray().SelectMany(c => new[] { c }.Concat(c.GetProperty("replies").EnumerateArray()))];
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(HttpClient client, HttpRequestMessage request, string? address)
    {
        request.Headers.Add("Accept", "application/json");
        if (address is not null)
        {
            request.Headers.Add("X-Forwarded-For", address);
        }
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var body = text.Length > 0 && text[0] is '{' or '[' ? JsonDocument.Parse(text).RootElement : JsonSerializer.SerializeToElement(text);
        return (response.StatusCode, body);
    }
}
