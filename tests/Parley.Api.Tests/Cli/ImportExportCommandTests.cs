using System.Text;
using System.Text.RegularExpressions;
using Parley.Api.Tests.Support;
using Parley.Core.Comments;

namespace Parley.Api.Tests.Cli;

public sealed partial class ImportExportCommandTests : IDisposable
{
    private readonly CliWorkspace _work = new();

    public void Dispose() => _work.Dispose();

    [Fact]
    public async Task ImportingADisqusExportStoresEveryThreadCommentAndReply()
    {
        var run = await _work.ImportAsync(CliWorkspace.Fixture("disqus.xml"));

        Assert.Equal(0, run.Exit);
        Assert.Equal("4 threads, 210 comments", run.LastLine);
        Assert.Contains("skipped: post dsq:id=9999", run.Output, StringComparison.Ordinal);
        using var store = _work.OpenStore();
        Assert.Equal(new Dictionary<int, int> { [1] = 183, [2] = 21, [4] = 6 }, await store.CountByModeAsync());
        var all = (await store.ExportAsync()).SelectMany(t => t.Comments).ToList();
        var top = all.Single(c => c.Text == "Top of a deep conversation");
        var third = all.Single(c => c.Text == "Third level");
        Assert.Equal(top.Id, third.Parent);
        Assert.Equal(new DateTimeOffset(2015, 1, 4, 2, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds(), top.Created);
        Assert.Equal(("Anna Müller", "user1001@example.com", (long?)null), (top.Author, top.Email, top.Notification));
        Assert.Equal([70], await store.CountPublishedAsync(["/blog/shared/"]));
    }

    [Fact]
    public async Task ImportingAWordPressExportKeepsPendingSpamAndTrashUnpublished()
    {
        var run = await _work.ImportAsync(CliWorkspace.Fixture("wordpress.xml"));

        Assert.Equal((0, "2 threads, 9 comments"), (run.Exit, run.LastLine));
        using var store = _work.OpenStore();
        Assert.Equal(new Dictionary<int, int> { [1] = 6, [2] = 3 }, await store.CountByModeAsync());
        var thread = (await store.ExportAsync()).Single(t => t.Thread.Uri == "/?p=4");
        Assert.Equal("A page known by its id", thread.Thread.Title);
        Assert.Equal(thread.Comments[0].Id, thread.Comments[1].Parent);
    }

    [Fact]
    public async Task ImportingIssoGenericJsonCreatesItsThreads()
    {
        var run = await _work.ImportAsync(CliWorkspace.Fixture("generic.json"));

        Assert.Equal((0, "3 threads, 3 comments"), (run.Exit, run.LastLine));
        using var store = _work.OpenStore();
        Assert.Equal("Nat+%26+Miguel", (await store.GetThreadAsync("/posts/0002/"))!.Title);
        Assert.Equal([2, 1, 0], await store.CountPublishedAsync(["/posts/0001/", "/posts/0002/", "/posts/empty/"]));
    }

    [Fact]
    public async Task ADryRunReportsWhatWouldBeImportedAndChangesNothing()
    {
        await _work.ImportAsync(CliWorkspace.Fixture("generic.json"));
        var before = _work.Snapshot();

        var run = await _work.ImportAsync(CliWorkspace.Fixture("disqus.xml"), dryRun: true);

        Assert.Equal(0, run.Exit);
        Assert.Contains("published: 183", run.Output, StringComparison.Ordinal);
        Assert.Contains("pending:   21", run.Output, StringComparison.Ordinal);
        Assert.Contains("deleted (kept as placeholders): 6", run.Output, StringComparison.Ordinal);
        Assert.Contains("skipped:   1", run.Output, StringComparison.Ordinal);
        Assert.Equal("4 threads, 210 comments", run.LastLine);
        Assert.Equal(before, _work.Snapshot());
    }

    [Fact]
    public async Task ANonEmptyDatabaseIsRefusedWithoutYesWhenNobodyCanBeAsked()
    {
        await _work.ImportAsync(CliWorkspace.Fixture("generic.json"));
        var before = _work.Snapshot();

        var refused = await _work.ImportAsync(CliWorkspace.Fixture("wordpress.xml"));

        Assert.Equal(1, refused.Exit);
        Assert.Contains("--yes", refused.Error, StringComparison.Ordinal);
        Assert.Equal(before, _work.Snapshot());
        var accepted = await _work.ImportAsync(CliWorkspace.Fixture("wordpress.xml"), yes: true);
        Assert.Equal((0, "2 threads, 9 comments"), (accepted.Exit, accepted.LastLine));
    }

    [Theory]
    [InlineData("n\n", 1)]
    [InlineData("\n", 1)]
    [InlineData("y\n", 0)]
    public async Task ATerminalIsAskedBeforeImportingIntoANonEmptyDatabase(string answer, int exit)
    {
        await _work.ImportAsync(CliWorkspace.Fixture("generic.json"));

        var run = await _work.ImportAsync(CliWorkspace.Fixture("generic.json"), answer: answer);

        Assert.StartsWith("Database is not empty. Continue? [y/N] ", run.Output, StringComparison.Ordinal);
        Assert.Equal(exit, run.Exit);
    }

    [Theory]
    [InlineData("truncated-disqus.xml", null, "import failed: line 91, position 80: not well-formed XML")]
    [InlineData("garbled.json", null, "import failed: line 10, position 9: not valid JSON")]
    [InlineData("unknown.pdf", null, "import failed: unknown format")]
    [InlineData("disqus-bad-date.xml", null, "import failed: post dsq:id=123 (line 15): createdAt 'xyz' is not a date")]
    [InlineData("wordpress.xml", "disqus", "import failed: line 3: the root element <rss> is not <disqus")]
    [InlineData("generic.json", "parley", "import failed: the top level: must be a JSON object")]
    public async Task ABrokenFileFailsNamingThePlaceAndLeavesTheDatabaseAlone(string file, string? type, string message)
    {
        await _work.ImportAsync(CliWorkspace.Fixture("wordpress.xml"));
        var before = _work.Snapshot();

        var run = await _work.ImportAsync(CliWorkspace.Fixture(file), type, yes: true);

        Assert.Equal(1, run.Exit);
        Assert.StartsWith(message, run.Error, StringComparison.Ordinal);
        Assert.Equal(before, _work.Snapshot());
    }

    [Fact]
    public async Task ExportThenImportIntoAnEmptyDatabaseReproducesEveryRow()
    {
        await _work.ImportAsync(CliWorkspace.Fixture("disqus.xml"));
        await AddEveryKindOfCommentAsync();
        var exportFile = _work.PathOf("export.json");

        var export = await _work.ExportAsync(exportFile);
        using var target = new CliWorkspace();
        var import = await target.ImportAsync(exportFile);

        Assert.Equal((0, 0), (export.Exit, import.Exit));
        Assert.Equal("7 threads, 215 comments", export.Error.Trim());
        Assert.Equal("7 threads, 215 comments", import.LastLine);
        Assert.Equal(_work.Snapshot(), target.Snapshot());
    }

    [Fact]
    public async Task ExportWritesJsonToStandardOutputByDefault()
    {
        await _work.ImportAsync(CliWorkspace.Fixture("generic.json"));

        var run = await _work.ExportAsync();

        Assert.Equal(0, run.Exit);
        Assert.StartsWith("{\n  \"format\": \"parley-export\",\n  \"version\": 1,", Encoding.UTF8.GetString(run.Stdout), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheExecutableFailsWithExitCodeOneOnABrokenFile()
    {
        var (exit, _, error) = await ParleyCli.RunAsync("-c", _work.ConfigPath, "import", CliWorkspace.Fixture("garbled.json"));

        Assert.Equal(1, exit);
        Assert.StartsWith("import failed: line 10, position 9: not valid JSON", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--help", "-c, --config", "Configuration file (isso.cfg); the ISSO_SETTINGS variable takes precedence.",
        "run", "Start the server on [server] listen.",
        "import <FILE>", "Import comments from a Disqus, WordPress, Isso JSON or Parley export, all or nothing.",
        "export", "Write every thread and comment, all fields, as JSON that 'parley import' reads back.")]
    [InlineData("import --help", "<FILE>", "The export to import: Disqus XML, WordPress WXR, Isso's generic JSON or a Parley export.",
        "-t, --type <disqus|generic|parley|wordpress>", "The file's format (disqus, wordpress, generic, parley); detected from the file when left out.",
        "-n, --dry-run", "Read and check the whole file, print what would be imported, change nothing.",
        "--empty-id", "Accepted for compatibility with Isso; Parley imports Disqus threads without it.",
        "-y, --yes", "Import into a database that already holds comments without asking.",
        "-c, --config", "Configuration file (isso.cfg)")]
    [InlineData("export --help", "-o, --output <FILE>", "Write the export to this file instead of standard output.",
        "-c, --config", "Configuration file (isso.cfg)")]
    public async Task HelpListsEveryOptionWithItsDescription(string args, params string[] expected)
    {
        var (exit, output, _) = await ParleyCli.RunAsync(args.Split(' '));

        Assert.Equal(0, exit);
        var text = Whitespace().Replace(output, " ");
        Assert.All(expected, e => Assert.Contains(e, text, StringComparison.Ordinal));
    }

    // Votes, edits, a placeholder, a pending reply, notification 0/1/NULL, odd times, a thread without title.
    private async Task AddEveryKindOfCommentAsync()
    {
        using var store = _work.OpenStore();
        var thread = await store.CreateThreadAsync("/extra/ünï/", null);
        var root = await store.InsertCommentAsync(Extra(thread.Id, null, 1_700_000_000.123456789) with { Notification = 1 });
        await store.InsertCommentAsync(Extra(thread.Id, root.Id, 1_700_000_001.1) with { Mode = CommentMode.Pending, Notification = null });
        var edited = await store.InsertCommentAsync(Extra(thread.Id, root.Id, 0.1 + 0.2));
        await store.UpdateCommentAsync(edited with { Modified = 1_700_000_100.000001, Text = "edited *text*" });
        await store.RecordVoteAsync(root.Id, upvote: true, Core.Security.VotersFilter.With(root.Voters, "203.0.113.0"));
        await store.RecordVoteAsync(root.Id, upvote: false, Core.Security.VotersFilter.With(root.Voters, "203.0.113.9"));
        var other = await store.CreateThreadAsync("/extra/second/", "Second");
        var answered = await store.InsertCommentAsync(Extra(other.Id, null, 1_700_000_200));
        await store.InsertCommentAsync(Extra(other.Id, answered.Id, 1_700_000_300));
        await store.DeleteCommentAsync(answered.Id);
        await store.CreateThreadAsync("/extra/empty/", "No comments");
    }

    private static Comment Extra(long tid, long? parent, double created) => new()
    {
        Tid = tid, Parent = parent, Created = created, Mode = CommentMode.Published, RemoteAddr = "2001:0db8:0000:0000:0000:0000:0000:0000",
        Text = "Ünïcode & <b>markup</b>\n\nline", Author = "A &amp; B", Email = "a@example.org", Website = "https://example.org/?a=1&amp;b=2",
        Voters = Core.Security.VotersFilter.Create("2001:0db8:0000:0000:0000:0000:0000:0000"), Notification = 0,
    };

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
