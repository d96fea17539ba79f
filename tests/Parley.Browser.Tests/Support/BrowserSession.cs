using System.Collections.Concurrent;
using Xunit.Abstractions;

namespace Parley.Browser.Tests.Support;

/// <summary>
/// A fresh browser context and page for one test, recording what a failure message needs: console errors,
/// uncaught exceptions, failed and refused requests, and every URL the page asked for.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> _requests = new();
    private readonly ConcurrentQueue<string> _problems = new();
    private readonly ITestOutputHelper _output;

    private BrowserSession(IBrowserContext context, IPage page, ITestOutputHelper output)
    {
        Context = context;
        Page = page;
        _output = output;
    }

    public IBrowserContext Context { get; }
    public IPage Page { get; }

    /// <summary>Every URL requested in this context so far, in order.</summary>
    public IReadOnlyList<string> RequestedUrls => [.. _requests];

    /// <summary>Console errors, page errors, failed requests and error statuses seen so far.</summary>
    public IReadOnlyList<string> Problems => [.. _problems];

    /// <summary>Opens a context; <paramref name="ignoreHttpsErrors"/> accepts certificates of a test's own CA (Caddy's internal one).</summary>
    public static async Task<BrowserSession> OpenAsync(IBrowser browser, ITestOutputHelper output, ColorScheme colorScheme = ColorScheme.Light,
        bool ignoreHttpsErrors = false)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "en-US",
            ColorScheme = colorScheme,
            ViewportSize = new ViewportSize { Width = 900, Height = 1000 },
            IgnoreHTTPSErrors = ignoreHttpsErrors,
        });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        var session = new BrowserSession(context, page, output);
        context.Request += (_, request) => session._requests.Enqueue(request.Url);
        context.RequestFailed += (_, request) => session.Note($"request failed: {request.Method} {request.Url}: {request.Failure}");
        context.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                session.Note($"HTTP {response.Status}: {response.Request.Method} {response.Url}");
            }
        };
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                session.Note($"console.{message.Type}: {message.Text} ({message.Location})");
            }
        };
        page.PageError += (_, error) => session.Note($"uncaught: {error}");
        return session;
    }

    /// <summary>
    /// Console errors and uncaught exceptions only: a page that worked has none. The browser's own favicon
    /// request is left out: no page asked for it.
    /// </summary>
    public IReadOnlyList<string> Errors => [.. _problems.Where(p =>
        (p.StartsWith("console.error", StringComparison.Ordinal) || p.StartsWith("uncaught", StringComparison.Ordinal))
        && !p.Contains("/favicon.ico", StringComparison.Ordinal))];

    /// <summary>What went wrong in the page, for assertion messages.</summary>
    public string Report() => _problems.IsEmpty ? "(no browser problems recorded)" : string.Join("\n", _problems);

    private void Note(string problem)
    {
        _problems.Enqueue(problem);
        try
        {
            _output.WriteLine(problem);
        }
        catch (InvalidOperationException)
        {
            // The test already finished; the event came late and is kept in Problems only.
        }
    }

    public async ValueTask DisposeAsync() => await Context.CloseAsync();
}
