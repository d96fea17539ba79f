using System.Text.Json;
using Parley.Benchmarks.Seeding;

namespace Parley.Benchmarks;

/// <summary>One request the bench loads: what is sent, the status Parley must answer, and which database serves it.</summary>
internal sealed record Endpoint(string Id, string Method, string Target, string? JsonBody, int ExpectedStatus, string Database)
{
    public const string Small = "small";
    public const string Large = "large";

    public string Name => Database == Large ? $"{Method} {Target} (large db)" : $"{Method} {Target}";

    // One body for both POST /new rows: the same comment, so only where it lands differs.
    private const string NewComment =
        """{"text":"Posted by the benchmark: *emphasis*, `code` and a [link](https://example.org/).","author":"Bench"}""";

    /// <summary>
    /// Every endpoint in table order. The POST /new rows come last among the large database's, so writes never
    /// precede a read: one appends to the newest thread, the other inserts into the first and oldest one.
    /// </summary>
    public static IReadOnlyList<Endpoint> All { get; } =
    [
        new("thread-100", "GET", $"/?uri={Seeder.HundredUri}", null, 200, Small),
        new("page-20", "GET", $"/?uri={Seeder.TenThousandUri}&limit=20", null, 200, Small),
        new("page-20-large", "GET", $"/?uri={Seeder.TenThousandUri}&limit=20", null, 200, Large),
        new("count", "POST", "/count", JsonSerializer.Serialize(Enumerable.Range(0, Seeder.CountThreads).Select(Seeder.CountUri)), 200, Small),
        new("info", "GET", "/info", null, 200, Small),
        new("embed-js", "GET", "/js/embed.min.js", null, 200, Small),
        new("new-newest", "POST", $"/new?uri={Seeder.NewestUri}", NewComment, 201, Large),
        new("new-oldest", "POST", $"/new?uri={Seeder.TenThousandUri}", NewComment, 201, Large),
    ];
}
