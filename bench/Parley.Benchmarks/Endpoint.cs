using System.Text.Json;
using Parley.Benchmarks.Seeding;

namespace Parley.Benchmarks;

/// <summary>One request the bench loads: what is sent, the status Parley must answer, and which database serves it.</summary>
internal sealed record Endpoint(string Id, string Method, string Target, string? JsonBody, int ExpectedStatus, string Database)
{
    public const string Small = "small";
    public const string Large = "large";
    /// <summary>The small database moved into PostgreSQL, one instance.</summary>
    public const string PgSmall = "pg-small";
    /// <summary>The large database moved into PostgreSQL, one instance.</summary>
    public const string PgLarge = "pg-large";
    /// <summary>The small database in PostgreSQL, two instances behind Caddy (round-robin).</summary>
    public const string Balanced = "balanced";

    public string Name => Database switch
    {
        Large => $"{Method} {Target} (large db)",
        PgSmall => $"{Method} {Target} (PostgreSQL)",
        PgLarge => $"{Method} {Target} (PostgreSQL, large db)",
        Balanced => $"{Method} {Target} (PostgreSQL, 2 instances behind Caddy)",
        _ => $"{Method} {Target}",
    };

    /// <summary>Whether this database lives in PostgreSQL (the run then needs a server).</summary>
    public static bool IsPostgres(string database) => database is PgSmall or PgLarge or Balanced;

    /// <summary>The SQLite database seeded for <paramref name="database"/> (the PostgreSQL ones are moved from it).</summary>
    public static string SeededFrom(string database) => database is Large or PgLarge ? Large : Small;

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
        new("pg-thread-100", "GET", $"/?uri={Seeder.HundredUri}", null, 200, PgSmall),
        new("pg-page-20", "GET", $"/?uri={Seeder.TenThousandUri}&limit=20", null, 200, PgSmall),
        new("pg-count", "POST", "/count", JsonSerializer.Serialize(Enumerable.Range(0, Seeder.CountThreads).Select(Seeder.CountUri)), 200, PgSmall),
        new("pg-page-20-large", "GET", $"/?uri={Seeder.TenThousandUri}&limit=20", null, 200, PgLarge),
        new("pg-new-oldest", "POST", $"/new?uri={Seeder.TenThousandUri}", NewComment, 201, PgLarge),
        new("balanced-thread-100", "GET", $"/?uri={Seeder.HundredUri}", null, 200, Balanced),
    ];
}
