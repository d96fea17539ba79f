using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Parley.Api.Tests.Lifecycle;
using Parley.Api.Tests.Support;
using Parley.Tests.Shared;
using Xunit.Abstractions;
using static Parley.Api.Tests.Deployment.ServerProcessWire;

namespace Parley.Api.Tests.Durability;

/// <summary>
/// Two server processes on one SQLite file, readers sent to either: the rules that read before they write (one vote per
/// network, the rate limit) hold across both, because each write is one transaction of the database, not of a process.
/// Both deliver mail from the one outbox, and a mail leaves once.
/// </summary>
public sealed partial class TwoServersTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Networks = 100;
    private const string AlreadyVoted = "Upvote denied because a vote has already been registered for this remote address";
    private const int MailedComments = 60;
    private const int Wave = 6;
    private static readonly TimeSpan MailTimeout = TimeSpan.FromSeconds(90);

    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("parley-two-servers-");
    private readonly List<InstalledServer> _servers = [];
    private readonly List<HttpClient> _clients = [];
    private SmtpServer? _smtp;

    private string Database => Path.Combine(_work.FullName, "comments.db");

    [Fact]
    public async Task EachNetworkLikesOnceWhicheverServerItAsks()
    {
        var (a, b) = await StartTwoAsync();
        var (status, created) = await NewAsync(a, "/v/", "Vote on me", "192.0.2.1");
        Assert.Equal(HttpStatusCode.Created, status);
        var id = created.GetProperty("id").GetInt64();

        // Every third network asks both servers at the same moment; the others ask one, alternating.
        var votes = Enumerable.Range(0, Networks)
            .SelectMany(n => n % 3 == 0 ? [(n, a), (n, b)] : new[] { (n, n % 2 == 0 ? a : b) })
            .Select(async vote => (Network: vote.Item1, Answer: await LikeAsync(vote.Item2, id, $"10.1.{vote.Item1}.5")));
        var answers = await Task.WhenAll(votes);

        var accepted = answers.Where(v => !v.Answer.TryGetProperty("message", out _)).ToList();
        var refused = answers.Where(v => v.Answer.TryGetProperty("message", out _)).ToList();
        output.WriteLine($"{answers.Length} likes sent from {Networks} networks: {accepted.Count} accepted, {refused.Count} refused");
        Assert.All(refused, v => Assert.Equal(AlreadyVoted, v.Answer.GetProperty("message").GetString()));
        // Each network counted exactly once, and each accepted vote saw every one before it.
        Assert.Equal(Enumerable.Range(0, Networks), accepted.Select(v => v.Network).Order());
        Assert.Equal(Enumerable.Range(1, Networks), accepted.Select(v => v.Answer.GetProperty("likes").GetInt32()).Order());
        foreach (var client in (HttpClient[])[a, b])
        {
            var comment = Assert.Single(await CommentsAsync(client, "/v/"));
            Assert.Equal((accepted.Count, 0), (comment.GetProperty("likes").GetInt32(), comment.GetProperty("dislikes").GetInt32()));
        }
    }

    [Fact]
    public async Task TheRateLimitCountsCommentsSentToEitherServer()
    {
        var (a, b) = await StartTwoAsync(("guard", "enabled", "true"), ("guard", "ratelimit", "2"));
        string[] readers = ["192.0.2.10", "198.51.100.10"];
        var posts = readers.SelectMany(address => Enumerable.Range(0, 6).Select(async n =>
        {
            var (status, body) = await NewAsync(n % 2 == 0 ? a : b, "/r/", $"From {address}, number {n}", address);
            return (Address: address, Status: status, Body: body);
        }));
        var answers = await Task.WhenAll(posts);

        foreach (var address in readers)
        {
            var mine = answers.Where(p => p.Address == address).ToList();
            output.WriteLine($"{address}: {string.Join(", ", mine.Select(p => (int)p.Status))}");
            Assert.Equal(2, mine.Count(p => p.Status is HttpStatusCode.Created or HttpStatusCode.Accepted));
            var refused = mine.Where(p => p.Status is not (HttpStatusCode.Created or HttpStatusCode.Accepted)).ToList();
            Assert.All(refused, p =>
            {
                Assert.Equal(HttpStatusCode.Forbidden, p.Status);
                Assert.StartsWith("403 Forbidden: ratelimit exceeded", p.Body.GetProperty("message").GetString(), StringComparison.Ordinal);
            });
        }
        Assert.Equal(4, (await CommentsAsync(a, "/r/")).Count);
        Assert.Equal(4, (await CommentsAsync(b, "/r/")).Count);
    }

    [Fact]
    public async Task EachCommentIsMailedToTheOwnerOnceThoughBothServersSendMail()
    {
        var smtp = _smtp = await SmtpServer.StartAsync();
        var (a, b) = await StartTwoAsync(OwnerMails.Settings(smtp));
        var texts = Enumerable.Range(0, MailedComments).Select(n => $"mailed-{n:D3}").ToList();
        string Seen() => $"{smtp.Mails.Count} mails ({OwnerMails.ByText(smtp, MailedText()).Count} comments), "
            + $"{smtp.OpenConnections} of {smtp.Connections} SMTP connections open, outbox and mail cursor {OwnerMails.Backlog(Database)}";
        var watch = Stopwatch.StartNew();
        // Waves on a thread of their own, comment n to server n % 2: one wave one comment at a time, the next all at
        // once (so the two servers also race to create its thread).
        for (var wave = 0; wave * Wave < MailedComments; wave++)
        {
            var posts = texts.Skip(wave * Wave).Take(Wave).Select((text, i) => (Server: i % 2 == 0 ? a : b, Text: text, Uri: $"/m/{wave}/"));
            if (wave % 2 == 0)
            {
                foreach (var post in posts)
                {
                    await PostAsync(post.Server, post.Uri, post.Text);
                }
            }
            else
            {
                await Task.WhenAll(posts.Select(post => PostAsync(post.Server, post.Uri, post.Text)));
            }
        }
        var posted = watch.Elapsed;

        await WaitUntilAsync(() => texts.All(OwnerMails.ByText(smtp, MailedText()).ContainsKey), "owner mail for every comment", Seen);
        var mailed = watch.Elapsed;
        // Nothing more can come: the outbox is empty, the mail destination has read every event (none is left to queue
        // a mail), and both servers closed their SMTP sessions (no message is on its way).
        await WaitUntilAsync(() => OwnerMails.Backlog(Database) is (0, false) && smtp.OpenConnections == 0, "empty outbox and no SMTP session", Seen);

        var byText = OwnerMails.ByText(smtp, MailedText());
        var counts = string.Join(", ", byText.Where(m => m.Value.Count > 1).OrderBy(m => m.Key, StringComparer.Ordinal)
            .Select(m => $"{m.Key}×{m.Value.Count} ({m.Value.Distinct().Count()} Message-IDs)"));
        output.WriteLine($"{MailedComments} comments posted in {posted.TotalSeconds:F1} s, all mailed by {mailed.TotalSeconds:F1} s, "
            + $"settled by {watch.Elapsed.TotalSeconds:F1} s; {smtp.Mails.Count} mails over {smtp.Connections} SMTP connections; "
            + $"mailed more than once: {(counts.Length == 0 ? "none" : counts)}");
        Assert.Equal(texts, byText.Keys.Order(StringComparer.Ordinal));
        Assert.True(counts.Length == 0, $"mailed more than once: {counts}");
        Assert.Equal(MailedComments, smtp.Mails.Count);
        // One probe per server at start, then a session kept open while mail flows: a handful, never one per mail.
        Assert.InRange(smtp.Connections, 2, 10);
    }

    // Polls the condition; on time-out the failure says what was seen, and what the servers logged last.
    private async Task WaitUntilAsync(Func<bool> condition, string what, Func<string> seen)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            if (watch.Elapsed > MailTimeout)
            {
                var logs = _servers.Select((server, i) => $"server {"ab"[i]}:\n{server.Output[^Math.Min(server.Output.Length, 3000)..]}");
                Assert.Fail($"no {what} within {MailTimeout.TotalSeconds} s: {seen()}\n{string.Join("\n", logs)}");
            }
            await Task.Delay(100);
        }
    }

    // One after the other: the first creates the database, the second opens it as it is.
    private async Task<(HttpClient A, HttpClient B)> StartTwoAsync(params (string Section, string Key, string Value)[] settings)
    {
        var trusted = ("server", "trusted-proxies", "127.0.0.1");
        foreach (var name in (string[])["a", "b"])
        {
            var port = FreePort.Next();
            var config = WriteConfig(Path.Combine(_work.FullName, $"{name}.cfg"), Database, port, [trusted, .. settings]);
            var server = await InstalledServer.StartBuiltAsync(config, port);
            _servers.Add(server);
            _clients.Add(Client(server));
        }
        return (_clients[0], _clients[1]);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        _clients.ForEach(c => c.Dispose());
        foreach (var server in _servers)
        {
            await server.DisposeAsync();
        }
        if (_smtp is not null)
        {
            await _smtp.DisposeAsync();
        }
        SqliteConnection.ClearAllPools();
        _work.Delete(recursive: true);
    }

    [GeneratedRegex(@"mailed-\d{3}")]
    private static partial Regex MailedText();
}
