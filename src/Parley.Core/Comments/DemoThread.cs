namespace Parley.Core.Comments;

/// <summary>The conversation a demo server starts from and returns to: a few readers trying things out.</summary>
public static class DemoThread
{
    public const string Uri = "/demo/";
    public const string Title = "Parley demo";

    /// <summary>Author, text, and the index of the comment it answers (null for top-level), oldest first.</summary>
    public static IReadOnlyList<(string Author, string Text, int? ReplyTo)> Comments { get; } =
    [
        ("Ada", "Welcome to the **Parley** demo! Everything you write here is wiped at the next reset.", null),
        ("Grace", "Markdown works: *emphasis*, `code`, [links](https://example.org) and lists:\n\n- one\n- two", null),
        ("Linus", "Replies nest under the comment they answer.", 0),
        ("Margaret", "You can edit or delete your own comment for a few minutes after posting.", 0),
        ("Ken", "Votes, too. Try the arrows.", 1),
    ];
}
