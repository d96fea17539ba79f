using System.Text.Json;
using Xunit.Abstractions;

namespace Parley.Browser.Tests;

/// <summary>The admin panel in a real browser against the real server, checked over the public API.</summary>
public sealed class AdminTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private Task<TestSite> StartAsync() => TestSite.StartAsync(browser, output, AdminPanel.Settings);

    private static async Task SignInAsync(TestSite site, string password = AdminPanel.Password)
    {
        await AdminPanel.OpenAsync(site.Page, site);
        await AdminPanel.SignInAsync(site.Page, password);
    }

    private static ILocator Row(IPage page, long id) => page.Locator($"#parley-comment-{id}");

    private static ILocator Rows(IPage page) => page.Locator("li.parley-comment");

    private static async Task<IReadOnlyList<long>> PublishedAsync(TestSite site, string uri) =>
        [.. (await site.Api.CommentsAsync(uri)).Where(c => c.Mode == 1).Select(c => c.Id)];

    [Fact]
    public async Task SigningInShowsThePendingComments()
    {
        await using var site = await StartAsync();
        var first = await site.Api.PostAsync("/post-1/", "Please approve me", author: "Ann");
        var second = await site.Api.PostAsync("/post-2/", "Me as well", author: "Bob", from: 2);

        await SignInAsync(site);

        await Expect(site.Page.GetByRole(AriaRole.Button, new() { Name = "Pending (2)" })).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(Rows(site.Page)).ToHaveCountAsync(2);
        await Expect(Row(site.Page, first)).ToContainTextAsync("Please approve me");
        await Expect(Row(site.Page, second)).ToContainTextAsync("Bob");
        await Expect(site.Page.GetByText("Page 1 of 1")).ToBeVisibleAsync();
        Assert.Empty(site.ForeignRequests());
        Assert.True(site.Browser.Errors.Count == 0, site.Report());
    }

    [Fact]
    public async Task TheHistoryListsEventsNewestFirstFiltersByTypeAndShowsOlderOnes()
    {
        await using var site = await StartAsync();
        // Eleven threads of one comment each: 22 events, one more page than 20.
        var ids = new List<long>();
        for (var i = 1; i <= 11; i++)
        {
            ids.Add(await site.Api.PostAsync($"/post-{i}/", $"Comment number {i}", author: "Ann", from: i));
        }
        await SignInAsync(site);
        await Expect(Rows(site.Page)).ToHaveCountAsync(11);

        await site.Page.Locator("summary", new() { HasText = "History" }).ClickAsync();
        var events = site.Page.Locator("li.parley-event");
        await Expect(events).ToHaveCountAsync(20);
        await Expect(events.First).ToContainTextAsync("Comment posted");
        await Expect(events.First).ToContainTextAsync("Comment number 11");
        await Expect(events.First).ToContainTextAsync("/post-11/");
        await Expect(events.First.Locator(".parley-event-deliveries")).ToContainTextAsync("mail handled");
        await site.Page.GetByRole(AriaRole.Button, new() { Name = "Older events" }).ClickAsync();
        await Expect(events).ToHaveCountAsync(22);
        await Expect(events.Last).ToContainTextAsync("Thread created");
        await Expect(site.Page.GetByRole(AriaRole.Button, new() { Name = "Older events" })).ToBeHiddenAsync();

        await site.Page.GetByLabel("Event").SelectOptionAsync("thread.created");
        await site.Page.Locator("#parley-h-uri").FillAsync("/post-3/");
        await site.Page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Expect(events).ToHaveCountAsync(1);
        await Expect(events.First).ToContainTextAsync("Thread created");
        await Expect(events.First).ToContainTextAsync("/post-3/");

        // Its JSON is the server's, with no private field.
        await events.First.GetByText("As JSON").ClickAsync();
        var json = JsonDocument.Parse(await events.First.Locator("pre").TextContentAsync() ?? "").RootElement;
        Assert.Equal("thread.created", json.GetProperty("type").GetString());
        Assert.Equal("/post-3/", json.GetProperty("thread").GetProperty("uri").GetString());
        Assert.Empty(site.ForeignRequests());
        Assert.True(site.Browser.Errors.Count == 0, site.Report());
    }

    [Fact]
    public async Task AStoppedWebhookShowsWhyItsDeliveriesCanBeSentAgainAndStartingItDeliversWhatItMissed()
    {
        var up = 0;
        await using var receiver = await WebhookReceiver.StartAsync(_ => Volatile.Read(ref up) == 1 ? 200 : 503);
        await using var site = await TestSite.StartAsync(browser, output,
            new("admin", "enabled", "true"), new("admin", "password", AdminPanel.Password), new("general", "notify", "webhook"),
            new("webhook", "url", receiver.Url), new("webhook", "allow-private", "true"), new("webhook", "retries", "1s"));
        await site.Api.PostAsync("/post-1/", "Tell the hook", author: "Ann");
        // The first try and its one retry fail: the endpoint is stopped.
        await receiver.WaitForAsync(2);
        await SignInAsync(site);

        var section = site.Page.Locator("section.parley-webhook");
        var rows = section.Locator("tbody tr");
        async Task OpenWebhooksAsync()
        {
            await site.Page.Locator("summary", new() { HasText = "Webhooks" }).ClickAsync();
            await Expect(section).ToHaveCountAsync(1);
        }
        await OpenWebhooksAsync();
        for (var tries = 0; tries < 50 && await section.GetAttributeAsync("data-state") != "stopped"; tries++)
        {
            await Task.Delay(200);
            await site.Page.ReloadAsync();
            await OpenWebhooksAsync();
        }
        await Expect(section.Locator("h3")).ToHaveTextAsync(receiver.Url);
        await Expect(section.Locator(".parley-webhook-state")).ToContainTextAsync("Stopped since");
        await Expect(section.Locator(".parley-webhook-state")).ToContainTextAsync("2 failed attempts in a row; the last: " + receiver.Url + " answered 503");
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(rows.First).ToContainTextAsync("Failed: " + receiver.Url + " answered 503 Service Unavailable");

        // Sent again by hand: delivered, and the attempt is logged at the top.
        Interlocked.Exchange(ref up, 1);
        await rows.First.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Expect(site.Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Sent again: 200 OK.");
        await Expect(rows).ToHaveCountAsync(3);
        await Expect(rows.First).ToContainTextAsync("Delivered: 200 OK");
        await Expect(rows.First).ToContainTextAsync("Sent again");
        Assert.Equal(receiver.Received[0].Header("webhook-id"), receiver.Received[2].Header("webhook-id"));

        // Started again: the event it stopped on goes out from the log.
        await section.GetByRole(AriaRole.Button, new() { Name = "Start again" }).ClickAsync();
        await Expect(site.Page.GetByRole(AriaRole.Status)).ToHaveTextAsync(receiver.Url + " runs again.");
        await receiver.WaitForAsync(4);
        Assert.Equal(receiver.Received[0].Header("webhook-id"), receiver.Received[3].Header("webhook-id"));
        await site.Page.ReloadAsync();
        await OpenWebhooksAsync();
        await Expect(section.Locator(".parley-webhook-state")).ToContainTextAsync("Running.");
        await Expect(rows.First).ToContainTextAsync("Delivered: 200 OK");
        Assert.Empty(site.ForeignRequests());
        Assert.True(site.Browser.Errors.Count == 0, site.Report());
    }

    [Fact]
    public async Task ACommentASpamRuleHeldShowsWhy()
    {
        await using var site = await TestSite.StartAsync(browser, output,
            new("admin", "enabled", "true"), new("admin", "password", AdminPanel.Password), new("spam", "suspect-words", "crypto"));
        var held = await site.Api.PostAsync("/post-1/", "All about crypto", author: "Ann");
        await SignInAsync(site);
        await Expect(Row(site.Page, held).Locator(".parley-held")).ToHaveTextAsync("Held for moderation: suspect word: crypto");
        Assert.True(site.Browser.Errors.Count == 0, site.Report());
    }

    [Fact]
    public async Task BanningAnAddressFromItsCommentRefusesItsNextCommentAndLiftingTheBanListsNobody()
    {
        await using var site = await StartAsync();
        var first = await site.Api.PostAsync("/post-1/", "Spam from a known address", author: "Sam");
        await SignInAsync(site);
        await Expect(Row(site.Page, first)).ToBeVisibleAsync();
        // Moderation is on here, so a held comment would look like any other: this ban refuses.
        await site.Page.Locator("summary", new() { HasText = "Bans" }).ClickAsync();
        await Expect(site.Page.Locator(".parley-bans")).ToContainTextAsync("Nobody is banned.");
        await site.Page.GetByLabel("New bans").SelectOptionAsync("refuse");
        await Row(site.Page, first).GetByRole(AriaRole.Button, new() { Name = "Ban address" }).ClickAsync();
        await Expect(site.Page.GetByRole(AriaRole.Status)).ToContainTextAsync("comments refused from now on.");
        var ban = site.Page.Locator("li.parley-ban");
        await Expect(ban).ToHaveCountAsync(1);
        await Expect(ban).ToContainTextAsync("Address range");
        await Expect(ban).ToContainTextAsync("refused");

        var refused = await site.Api.TryPostAsync("/post-1/", "Spam again");
        Assert.Equal(403, refused);

        await ban.GetByRole(AriaRole.Button, new() { Name = "Lift" }).ClickAsync();
        await Expect(site.Page.GetByRole(AriaRole.Status)).ToContainTextAsync("lifted");
        await Expect(site.Page.Locator(".parley-bans")).ToContainTextAsync("Nobody is banned.");
        Assert.Equal(202, await site.Api.TryPostAsync("/post-1/", "Allowed again"));
        Assert.True(site.Browser.Errors.Count == 0, site.Report());
    }

    [Fact]
    public async Task WrongPasswordsShowAnErrorThenTheLockout()
    {
        await using var site = await StartAsync();

        await SignInAsync(site, "guess");
        await Expect(site.Page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Wrong password.");
        for (var i = 0; i < 4; i++)
        {
            await site.Page.GetByLabel("Password").FillAsync("guess " + i);
            await site.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            await Expect(site.Page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Wrong password.");
        }
        await site.Page.GetByLabel("Password").FillAsync(AdminPanel.Password);
        var locked = await site.Page.RunAndWaitForResponseAsync(
            () => site.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync(), r => r.Url.EndsWith("/login/", StringComparison.Ordinal));

        Assert.Equal(429, locked.Status);
        await Expect(site.Page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Too many failed sign-ins. Try again in 1 minute.");
        await Expect(site.Page.Locator("#parley-admin")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task ApprovingOneAndDeletingAnotherChangesTheServer()
    {
        await using var site = await StartAsync();
        var approve = await site.Api.PostAsync("/post-1/", "A fine comment", author: "Ann");
        var delete = await site.Api.PostAsync("/post-1/", "Buy cheap pills", author: "Spammer", from: 2);
        var untouched = await site.Api.PostAsync("/post-1/", "Still waiting", from: 3);
        site.Page.Dialog += (_, dialog) => _ = dialog.AcceptAsync();
        await SignInAsync(site);

        await Row(site.Page, approve).GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        await Expect(site.Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("1 comment approved.");
        await Row(site.Page, delete).GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        await Expect(site.Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("1 comment deleted.");

        await Expect(Rows(site.Page)).ToHaveCountAsync(1);
        await Expect(Row(site.Page, untouched)).ToBeVisibleAsync();
        await Expect(site.Page.GetByRole(AriaRole.Button, new() { Name = "Published (1)" })).ToBeVisibleAsync();
        Assert.Equal([approve], await PublishedAsync(site, "/post-1/"));
        await site.Page.GetByRole(AriaRole.Button, new() { Name = "Published (1)" }).ClickAsync();
        await Expect(Rows(site.Page)).ToHaveCountAsync(1);
        await Expect(Row(site.Page, approve)).ToContainTextAsync("A fine comment");
        Assert.True(site.Browser.Errors.Count == 0, site.Report());
    }

    [Fact]
    public async Task BulkApprovingTenPublishesAllOfThem()
    {
        await using var site = await StartAsync();
        var ids = await site.Api.PostManyAsync("/post-1/", 10, prefix: "Pending");
        await SignInAsync(site);
        await Expect(Rows(site.Page)).ToHaveCountAsync(10);
        var approveSelected = site.Page.GetByRole(AriaRole.Button, new() { Name = "Approve selected" });
        await Expect(approveSelected).ToBeDisabledAsync();

        await site.Page.GetByLabel("Select all on this page").CheckAsync();
        await approveSelected.ClickAsync();

        await Expect(site.Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("10 comments approved.");
        await Expect(site.Page.GetByRole(AriaRole.Button, new() { Name = "Pending (0)" })).ToBeVisibleAsync();
        Assert.Equal(ids.Order(), (await PublishedAsync(site, "/post-1/")).Order());
        Assert.True(site.Browser.Errors.Count == 0, site.Report());
    }

    [Fact]
    public async Task SearchingByAuthorFindsOnlyThatAuthorsComment()
    {
        await using var site = await StartAsync();
        await site.Api.PostAsync("/post-1/", "First opinion", author: "Ann");
        var bob = await site.Api.PostAsync("/post-2/", "Second opinion", author: "Bob", from: 2);
        await site.Api.PostAsync("/post-2/", "Third opinion", author: "Bobby Tables", from: 3);
        await SignInAsync(site);
        await Expect(Rows(site.Page)).ToHaveCountAsync(3);

        await site.Page.GetByLabel("Author", new() { Exact = true }).FillAsync("bob");
        await site.Page.GetByLabel("Thread", new() { Exact = true }).FillAsync("post-2");
        await site.Page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
        await Expect(Rows(site.Page)).ToHaveCountAsync(2);
        await site.Page.GetByLabel("Author", new() { Exact = true }).FillAsync("Bob ");
        await site.Page.GetByLabel("Text", new() { Exact = true }).FillAsync("second");
        await site.Page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();

        await Expect(Rows(site.Page)).ToHaveCountAsync(1);
        await Expect(Row(site.Page, bob)).ToContainTextAsync("Second opinion");
    }

    [Fact]
    public async Task EveryAdminApiEndpointAnswers401AfterSigningOut()
    {
        await using var site = await StartAsync();
        await site.Api.PostAsync("/post-1/", "Something pending");
        await SignInAsync(site);
        await Expect(Rows(site.Page)).ToHaveCountAsync(1);
        var csrf = await site.Page.Locator("meta[name=parley-csrf]").GetAttributeAsync("content");

        await site.Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(site.Page.GetByLabel("Password")).ToBeVisibleAsync();

        var statuses = await site.Page.EvaluateAsync<string>("""
            async (csrf) => {
              const calls = [['GET', 'session'], ['GET', 'comments'], ['POST', 'comments/activate', {ids: [1]}],
                ['POST', 'comments/delete', {ids: [1]}], ['PUT', 'comments/1', {text: 'Changed text'}], ['POST', 'logout']];
              const out = {};
              for (const [method, path, body] of calls) {
                const r = await fetch('/admin/api/' + path, { method, body: body && JSON.stringify(body),
                  headers: { 'Content-Type': 'application/json', 'X-Parley-CSRF': csrf } });
                out[method + ' ' + path] = r.status;
              }
              return JSON.stringify(out);
            }
            """, csrf);
        var all = JsonSerializer.Deserialize<Dictionary<string, int>>(statuses)!;
        Assert.Equal(6, all.Count);
        Assert.All(all, pair => Assert.True(pair.Value == 401, $"{pair.Key} answered {pair.Value}"));
        Assert.Empty(await PublishedAsync(site, "/post-1/"));
    }

    [Fact]
    public async Task ACookieCapturedBeforeSigningOutNoLongerOpensThePanel()
    {
        await using var site = await StartAsync();
        await site.Api.PostAsync("/post-1/", "Something pending");
        await SignInAsync(site);
        await Expect(Rows(site.Page)).ToHaveCountAsync(1);
        var captured = (await site.Page.Context.CookiesAsync()).Single(c => c.Name == "admin-session");
        Assert.True(captured.HttpOnly);
        Assert.Equal(SameSiteAttribute.Strict, captured.SameSite);
        Assert.Equal("", await site.Page.EvaluateAsync<string>("document.cookie"));
        // A second browser given the captured cookie is signed in...
        var other = await site.OpenSessionAsync();
        await other.Page.Context.AddCookiesAsync([new Cookie
        {
            Name = captured.Name, Value = captured.Value, Domain = captured.Domain, Path = captured.Path,
            HttpOnly = true, SameSite = SameSiteAttribute.Strict,
        }]);
        var admin = new Uri(site.Parley.Origin, "/admin/").ToString();
        await other.Page.GotoAsync(admin);
        await Expect(Rows(other.Page)).ToHaveCountAsync(1);

        await site.Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(site.Page.GetByLabel("Password")).ToBeVisibleAsync();

        // ...until the first signs out: the session has ended on the server, whoever holds the cookie.
        await other.Page.GotoAsync(admin);
        await Expect(other.Page.GetByLabel("Password")).ToBeVisibleAsync();
        await Expect(Rows(other.Page)).ToHaveCountAsync(0);
        Assert.Equal(captured.Value, (await other.Page.Context.CookiesAsync()).Single(c => c.Name == "admin-session").Value);
    }
}
