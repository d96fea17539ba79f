using Parley.Core.Comments;
using Parley.Core.Storage;
using Parley.Storage.Tests.Support;

namespace Parley.Storage.Tests;

/// <summary>The admin panel's listing: filters, paging, orders and the per-mode counters.</summary>
public abstract partial class StoreContract
{
    private async Task<Comment> AddAdminAsync(CommentThread thread, int mode, double created, string text = "Hello",
        string? author = "Alice", string? email = "alice@example.org", long likes = 0) =>
        await Store.InsertCommentAsync(Sample.Comment(thread.Id, created: created, mode: mode)
            with { Text = text, Author = author, Email = email, Likes = likes });

    private async Task<long[]> AdminIdsAsync(AdminQuery query) =>
        [.. (await Store.AdminListAsync(query)).Rows.Select(r => r.Comment.Id)];

    [SkippableFact]
    public async Task AdminListingFiltersByModeNewestFirstWithItsThread()
    {
        var a = await ThreadAsync("/a", "Page A");
        var b = await ThreadAsync("/b", null);
        await AddAdminAsync(a, CommentMode.Pending, 1);
        await AddAdminAsync(b, CommentMode.Pending, 3);
        await AddAdminAsync(a, CommentMode.Published, 2);

        var pending = await Store.AdminListAsync(new AdminQuery());

        Assert.Equal(new long[] { 2, 1 }, pending.Rows.Select(r => r.Comment.Id));
        Assert.Equal(2, pending.Total);
        Assert.Equal(("/b", (string?)null), (pending.Rows[0].Uri, pending.Rows[0].Title));
        Assert.Equal(("/a", "Page A"), (pending.Rows[1].Uri, pending.Rows[1].Title));
        Assert.Equal(new long[] { 3 }, await AdminIdsAsync(new AdminQuery(Mode: CommentMode.Published)));
        Assert.Equal(new long[] { 2, 3, 1 }, await AdminIdsAsync(new AdminQuery(Mode: null)));
    }

    [SkippableFact]
    public async Task AdminListingPagesWithTiesOrderedById()
    {
        var a = await ThreadAsync();
        for (var i = 0; i < 5; i++)
        {
            await AddAdminAsync(a, CommentMode.Pending, created: 7);
        }

        var first = await Store.AdminListAsync(new AdminQuery(PerPage: 2, Ascending: true));
        Assert.Equal(new long[] { 1, 2 }, first.Rows.Select(r => r.Comment.Id));
        Assert.Equal(5, first.Total);
        Assert.Equal(new long[] { 3, 4 }, await AdminIdsAsync(new AdminQuery(Page: 1, PerPage: 2, Ascending: true)));
        Assert.Equal(new long[] { 5 }, await AdminIdsAsync(new AdminQuery(Page: 2, PerPage: 2, Ascending: true)));
        Assert.Equal(new long[] { 5, 4 }, await AdminIdsAsync(new AdminQuery(PerPage: 2)));
        var beyond = await Store.AdminListAsync(new AdminQuery(Page: 9, PerPage: 2));
        Assert.Empty(beyond.Rows);
        Assert.Equal(5, beyond.Total);
    }

    [SkippableFact]
    public async Task AdminListingSortsByEachAllowedColumn()
    {
        var a = await ThreadAsync("/a");
        var b = await ThreadAsync("/b");
        await AddAdminAsync(b, CommentMode.Pending, created: 1, likes: 5);
        await AddAdminAsync(a, CommentMode.Pending, created: 3, likes: 1);
        await AddAdminAsync(b, CommentMode.Pending, created: 2, likes: 9);

        Assert.Equal(new long[] { 3, 1, 2 }, await AdminIdsAsync(new AdminQuery(OrderBy: "likes")));
        Assert.Equal(new long[] { 1, 2, 3 }, await AdminIdsAsync(new AdminQuery(OrderBy: "id", Ascending: true)));
        Assert.Equal(new long[] { 1, 3, 2 }, await AdminIdsAsync(new AdminQuery(OrderBy: "created", Ascending: true)));
        // Thread a was created first; within a thread, ids break ties.
        Assert.Equal(new long[] { 2, 1, 3 }, await AdminIdsAsync(new AdminQuery(OrderBy: "tid", Ascending: true)));
    }

    [SkippableFact]
    public async Task AdminListingSearchesTextAuthorEmailAndThreadIgnoringCase()
    {
        var a = await ThreadAsync("/posts/alpha/", "First steps");
        var b = await ThreadAsync("/posts/beta/", "Second thoughts");
        await AddAdminAsync(a, CommentMode.Pending, 1, text: "Great Article", author: "Alice", email: "alice@example.org");
        await AddAdminAsync(b, CommentMode.Pending, 2, text: "I disagree", author: "Bob", email: "bob@example.net");
        await AddAdminAsync(b, CommentMode.Pending, 3, text: "Me too", author: null, email: null);

        Assert.Equal(new long[] { 1 }, await AdminIdsAsync(new AdminQuery(Text: "great article")));
        Assert.Equal(new long[] { 2 }, await AdminIdsAsync(new AdminQuery(Author: "BOB")));
        Assert.Equal(new long[] { 2 }, await AdminIdsAsync(new AdminQuery(Email: "example.net")));
        Assert.Equal(new long[] { 3, 2 }, await AdminIdsAsync(new AdminQuery(Thread: "/beta/")));
        Assert.Equal(new long[] { 1 }, await AdminIdsAsync(new AdminQuery(Thread: "first STEPS")));
        Assert.Equal(new long[] { 3, 2, 1 }, await AdminIdsAsync(new AdminQuery(Text: "")));
        var both = await Store.AdminListAsync(new AdminQuery(Author: "bob", Thread: "alpha"));
        Assert.Empty(both.Rows);
        Assert.Equal(0, both.Total);
    }

    [SkippableFact]
    public async Task AdminSearchTakesWildcardsLiterally()
    {
        var a = await ThreadAsync();
        await AddAdminAsync(a, CommentMode.Pending, 1, text: "100% sure");
        await AddAdminAsync(a, CommentMode.Pending, 2, text: "1000 sure");
        await AddAdminAsync(a, CommentMode.Pending, 3, text: "snake_case here");
        await AddAdminAsync(a, CommentMode.Pending, 4, text: "snakeXcase here");
        await AddAdminAsync(a, CommentMode.Pending, 5, text: @"back\slash");

        Assert.Equal(new long[] { 1 }, await AdminIdsAsync(new AdminQuery(Text: "0% s")));
        Assert.Equal(new long[] { 3 }, await AdminIdsAsync(new AdminQuery(Text: "e_c")));
        Assert.Equal(new long[] { 5 }, await AdminIdsAsync(new AdminQuery(Text: @"k\s")));
        Assert.Empty(await AdminIdsAsync(new AdminQuery(Text: "%%%")));
    }

    [SkippableFact]
    public async Task CountsByModeCoverAllThreads()
    {
        var a = await ThreadAsync("/a");
        var b = await ThreadAsync("/b");
        await AddAdminAsync(a, CommentMode.Pending, 1);
        await AddAdminAsync(b, CommentMode.Pending, 2);
        await AddAdminAsync(b, CommentMode.Published, 3);

        Assert.Equal(new Dictionary<int, int> { [1] = 1, [2] = 2 }, await Store.CountByModeAsync());
    }

    [SkippableFact]
    public async Task CountsByModeAreEmptyWithoutComments()
    {
        Assert.Empty(await Store.CountByModeAsync());
    }
}
