using System.Net;
using Parley.Api.Tests.Support;

namespace Parley.Api.Tests.Operations;

/// <summary>GET /metrics: off by default, only for the addresses of <c>[server] metrics-allow</c>, and counting what happens.</summary>
public sealed class MetricsTests
{
    private static Task<TestApp> StartAsync(params string[] allow) =>
        TestApp.StartAsync(c => c with { Server = c.Server with { MetricsAllow = allow } });

    [Fact]
    public async Task TheEndpointDoesNotExistUnlessTurnedOn()
    {
        await using var app = await StartAsync();

        using var response = await app.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task OnlyTheAllowedConnectingAddressesMayReadItWhateverTheyForward()
    {
        await using var app = await StartAsync("192.0.2.0/24");

        // The test connects from loopback; claiming an allowed address in X-Forwarded-For does not help.
        using var response = await app.GetAsync("/metrics", ip: "192.0.2.5");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task TheTextParsesAndItsCountersMoveWithTheRequests()
    {
        await using var app = await StartAsync("127.0.0.1", "::1");
        var before = await ScrapeAsync(app);

        await app.CommentAsync("/m/", "one");
        await app.CommentAsync("/m/", "two");
        for (var i = 0; i < 3; i++)
        {
            await app.FetchAsync("uri=%2Fm%2F");
        }
        using (var missing = await app.GetAsync("/id/999999/nonsense"))
        {
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        }
        var after = await ScrapeAsync(app);

        Assert.Equal("counter", after.Types["parley_http_requests"]);
        Assert.Equal("histogram", after.Types["parley_http_request_duration_seconds"]);
        Assert.Equal(2, Value(after, "parley_http_requests_total", ("route", "/new"), ("method", "POST"), ("status", "201"))
            - Value(before, "parley_http_requests_total", ("route", "/new"), ("method", "POST"), ("status", "201")));
        Assert.Equal(3, Value(after, "parley_http_requests_total", ("route", "/"), ("method", "GET"), ("status", "200"))
            - Value(before, "parley_http_requests_total", ("route", "/"), ("method", "GET"), ("status", "200")));
        Assert.Equal(2, Value(after, "parley_comments_created_total") - Value(before, "parley_comments_created_total"));
        // The first fetch after the writes builds the answer, the next two are served from it.
        Assert.True(Value(after, "parley_cache_lookups_total", ("result", "hit")) - Value(before, "parley_cache_lookups_total", ("result", "hit")) >= 2);
        Assert.True(Value(after, "parley_cache_lookups_total", ("result", "miss")) - Value(before, "parley_cache_lookups_total", ("result", "miss")) >= 1);
        // Each histogram agrees with itself: buckets grow, the +Inf bucket is the count.
        var fetches = after.Samples.Where(s => s.Name == "parley_http_request_duration_seconds_bucket" && s.Labels["route"] == "/" && s.Labels["status"] == "200").ToList();
        Assert.Equal(fetches.Select(s => s.Value).Order(), fetches.Select(s => s.Value));
        Assert.Equal(Value(after, "parley_http_request_duration_seconds_count", ("route", "/"), ("method", "GET"), ("status", "200")),
            fetches.Single(s => s.Labels["le"] == "+Inf").Value);
        Assert.Contains(after.Samples, s => s.Name == "parley_events_pending" && s.Labels.ContainsKey("destination"));
        Assert.Equal(0, Value(after, "parley_mails_waiting"));
        Assert.Equal(0, Value(after, "parley_database_errors_total"));
    }

    private static async Task<(IReadOnlyList<PrometheusSample> Samples, IReadOnlyDictionary<string, string> Types)> ScrapeAsync(TestApp app)
    {
        using var response = await app.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        return await PrometheusText.ParseAsync(await response.Content.ReadAsStringAsync());
    }

    private static double Value((IReadOnlyList<PrometheusSample> Samples, IReadOnlyDictionary<string, string> Types) scrape, string name,
        params (string Key, string Value)[] labels) =>
        scrape.Samples.Where(s => s.Name == name && labels.All(l => s.Labels.TryGetValue(l.Key, out var v) && v == l.Value))
            .Select(s => s.Value).DefaultIfEmpty(0).Sum();
}
