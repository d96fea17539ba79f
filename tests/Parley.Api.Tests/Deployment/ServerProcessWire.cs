using System.Net;
using System.Text.Json;
using Parley.Api.Tests.Lifecycle;

namespace Parley.Api.Tests.Deployment;

/// <summary>A real server process (Lifecycle, Deployment): its config file and the few requests the tests make to it.</summary>
internal static class ServerProcessWire
{
    public static string WriteConfig(string path, string dbPath, int port, string extra = "")
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, $"# kept\n[general]\ndbpath = {dbPath}\nhost = https://blog.example.org\n\n[server]\nlisten = http://127.0.0.1:{port}\n\n[guard]\nenabled = false\n{extra}");
        return path;
    }

    /// <summary>An empty database at <paramref name="path"/>, as a first start would leave it.</summary>
    public static void CreateDatabase(string path) => Parley.Storage.Sqlite.SqliteCommentStore.Open(path).Dispose();

    public static HttpClient Client(InstalledServer server) => new() { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(30) };

    public static async Task PostAsync(HttpClient client, string uri, string text)
    {
        using var content = new StringContent(JsonSerializer.Serialize(new { text, title = "A post" }), System.Text.Encoding.UTF8, "application/json");
        using var response = await client.PostAsync($"/new?uri={Uri.EscapeDataString(uri)}", content);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    public static async Task<List<string>> TextsAsync(HttpClient client, string uri)
    {
        using var response = await client.GetAsync($"/?uri={Uri.EscapeDataString(uri)}&plain=1");
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return [];
        }
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var thread = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        // Each top-level comment, then its replies.
        return [.. thread.GetProperty("replies").EnumerateArray()
            .SelectMany(c => new[] { c }.Concat(c.GetProperty("replies").EnumerateArray()))
            .Select(c => c.GetProperty("text").GetString()!)];
    }
}
