using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace Parley.Browser.Tests.Support;

/// <summary>
/// One test's world: a website, the Parley server it embeds (fresh database), the API to seed and inspect
/// it, and a fresh browser context. Disposing it leaves no process, server or temp folder behind.
/// </summary>
public sealed class TestSite : IAsyncDisposable
{
    private static readonly Regex NonBlank = new(@"\S");

    private readonly BrowserFixture _browser;
    private readonly ITestOutputHelper _output;
    private readonly List<BrowserSession> _sessions = [];

    private TestSite(BrowserFixture browser, ITestOutputHelper output, SitePages pages, ParleyProcess parley)
    {
        _browser = browser;
        _output = output;
        Pages = pages;
        Parley = parley;
        Api = new ParleyApi(parley.Origin);
    }

    public SitePages Pages { get; }
    public ParleyProcess Parley { get; }
    public ParleyApi Api { get; }

    /// <summary>The first session, opened by <see cref="StartAsync"/>.</summary>
    public BrowserSession Browser => _sessions[0];
    public IPage Page => Browser.Page;

    public static Task<TestSite> StartAsync(BrowserFixture browser, ITestOutputHelper output, params ConfigSetting[] settings) =>
        StartWithServerAsync(browser, output, RepoPaths.ParleyDll, settings);

    /// <summary>The same world with the server in <paramref name="parleyDll"/> (a published copy).</summary>
    public static async Task<TestSite> StartWithServerAsync(BrowserFixture browser, ITestOutputHelper output, string parleyDll, params ConfigSetting[] settings)
    {
        var pages = await SitePages.StartAsync();
        ParleyProcess parley;
        try
        {
            parley = await ParleyProcess.StartFromAsync(parleyDll, pages.OriginText, settings);
        }
        catch
        {
            await pages.DisposeAsync();
            throw;
        }
        var site = new TestSite(browser, output, pages, parley);
        await site.OpenSessionAsync();
        return site;
    }

    /// <summary>Another browser context (its own cookies and storage), e.g. a reader who prefers dark mode.</summary>
    public async Task<BrowserSession> OpenSessionAsync(ColorScheme colorScheme = ColorScheme.Light)
    {
        var session = await BrowserSession.OpenAsync(_browser.Browser, _output, colorScheme);
        _sessions.Add(session);
        return session;
    }

    /// <summary>The first session when <paramref name="colorScheme"/> is light (as it opens), else a new one that prefers it.</summary>
    public async Task<BrowserSession> SessionInAsync(ColorScheme colorScheme) =>
        colorScheme == ColorScheme.Light ? Browser : await OpenSessionAsync(colorScheme);

    /// <summary>
    /// Serves a blog post at <paramref name="path"/> embedding Parley with these <c>data-isso-*</c> options, opens
    /// it and, unless told otherwise, waits for the thread to load (its heading gets its text), as a reader
    /// sees the comments before writing one.
    /// </summary>
    public async Task OpenPostAsync(string path = "/post-1/", IReadOnlyDictionary<string, string>? options = null,
        string? threadId = null, string extraBody = "", IPage? page = null, bool waitForThread = true)
    {
        page ??= Page;
        var url = Pages.AddPage(path, PageMarkup.Post(Parley.Origin, options: options, threadId: threadId, extraBody: extraBody));
        await page.GotoAsync(url.ToString());
        if (waitForThread)
        {
            await Expect(new ThreadDom(page).Heading).ToHaveTextAsync(NonBlank);
        }
    }

    /// <summary>Hosts of every request any session made that were neither the website nor Parley.</summary>
    public IReadOnlyList<string> ForeignRequests()
    {
        var own = new[] { Pages.Origin.Authority, Parley.Origin.Authority };
        return [.. _sessions.SelectMany(s => s.RequestedUrls)
            .Where(url => Uri.TryCreate(url, UriKind.Absolute, out var u) && u.Scheme is "http" or "https" or "ws" or "wss"
                && !own.Contains(u.Authority, StringComparer.OrdinalIgnoreCase))
            .Distinct()];
    }

    /// <summary>What went wrong in the browsers and the server log, for assertion messages.</summary>
    public string Report() =>
        string.Join("\n", _sessions.Select(s => s.Report())) + "\n--- parley ---\n" + Parley.Output;

    public async ValueTask DisposeAsync()
    {
        foreach (var session in _sessions)
        {
            await session.DisposeAsync();
        }
        _output.WriteLine("--- parley output ---\n" + Parley.Output);
        Api.Dispose();
        await Parley.DisposeAsync();
        await Pages.DisposeAsync();
    }
}
