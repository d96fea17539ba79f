using System.Net;

namespace Parley.Browser.Tests;

/// <summary>The server process the other tests rely on: it answers, stops on demand and leaves nothing behind.</summary>
public sealed class HarnessTests
{
    [Fact]
    public async Task ParleyProcessAnswersStopsAndLeavesNoServerBehind()
    {
        await using var pages = await SitePages.StartAsync();
        var parley = await ParleyProcess.StartAsync(pages.OriginText);
        using var client = new HttpClient { BaseAddress = parley.Origin };
        using (var info = await client.GetAsync(new Uri("/info", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, info.StatusCode);
        }

        await parley.DisposeAsync();

        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(new Uri("/info", UriKind.Relative)));
        Assert.False(Directory.Exists(Path.GetDirectoryName(parley.DatabasePath)));
    }
}
