using System.Net;
using Parley.Api.Tests.Support;

namespace Parley.Api.Tests;

public sealed class SmokeTests
{
    [Fact]
    public async Task InfoAnswersWithTheIssoVersion()
    {
        await using var app = await TestApp.StartAsync();
        var response = await app.Client.GetAsync(new Uri("/info", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"version\":\"0.14.0\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
