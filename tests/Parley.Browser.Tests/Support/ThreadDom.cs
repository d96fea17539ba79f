using System.Globalization;

namespace Parley.Browser.Tests.Support;

/// <summary>The client's DOM contract (client/README.md) as locators, so the selectors live in one place.</summary>
public sealed class ThreadDom(IPage page)
{
    public ILocator Thread => page.Locator("#isso-thread");
    public ILocator Heading => page.Locator("#isso-thread .isso-thread-heading");
    public ILocator Live => page.Locator("#isso-thread .isso-live");
    public PostBox MainBox => new(page.Locator("#isso-thread > .isso-postbox"));
    public ILocator Root => page.Locator("#isso-root");
    public ILocator TopLevel => page.Locator("#isso-root > .isso-comment");
    public ILocator AllComments => page.Locator("#isso-root .isso-comment");

    public CommentView Comment(long id) => new(page.Locator("#isso-" + id.ToString(CultureInfo.InvariantCulture)));

    /// <summary>The newest top-level comment whose text contains <paramref name="text"/>.</summary>
    public CommentView CommentWithText(string text) =>
        new(page.Locator("#isso-root .isso-comment").Filter(new LocatorFilterOptions
        {
            Has = page.Locator(":scope > .isso-text-wrapper > .isso-text", new PageLocatorOptions { HasText = text }),
        }).Last);

    /// <summary>The "N Hidden" button under <paramref name="parent"/> (null: the top level).</summary>
    public ILocator LoadHidden(long? parent) =>
        page.Locator($"#isso-loader-{(parent is null ? "null" : parent.Value.ToString(CultureInfo.InvariantCulture))} .isso-load-hidden");
}

/// <summary>A post box: the main one or a reply box.</summary>
public sealed class PostBox(ILocator box)
{
    public ILocator Box => box;
    public ILocator Text => box.Locator("textarea.isso-textarea[name=text]");
    public ILocator Author => box.Locator("input[name=author]");
    public ILocator Email => box.Locator("input[name=email]");
    public ILocator Website => box.Locator("input[name=website]");
    public ILocator Submit => box.Locator("input[type=submit]");
    public ILocator Preview => box.Locator("input[type=button][name=preview]");
    public ILocator BackToEdit => box.Locator("input[type=button][name=edit]");
    public ILocator PreviewText => box.Locator(".isso-preview .isso-text");
    public ILocator Notification => box.Locator("input[type=checkbox][name=notification]");
    public ILocator ThreadNotification => box.Locator("input[type=checkbox][name=notification-thread]");
    public ILocator Error => box.Locator(".isso-error");
}

/// <summary>One rendered comment; every part is taken from its own header, text and footer, never a reply's.</summary>
public sealed class CommentView(ILocator comment)
{
    public ILocator Element => comment;
    public ILocator Author => comment.Locator(":scope > .isso-text-wrapper > .isso-comment-header .isso-author");
    public ILocator Text => comment.Locator(":scope > .isso-text-wrapper > .isso-text");
    public ILocator Note => comment.Locator(":scope > .isso-text-wrapper > .isso-comment-header .isso-note");
    public ILocator Votes => Footer(".isso-votes .isso-score-value");
    public ILocator Upvote => Footer(".isso-upvote");
    public ILocator Downvote => Footer(".isso-downvote");
    public ILocator Reply => Footer(".isso-reply");
    public ILocator Edit => Footer(".isso-edit");
    public ILocator Delete => Footer(".isso-delete");
    public ILocator Cancel => Footer(".isso-cancel");

    /// <summary>The textarea that editing puts in place of the text.</summary>
    public ILocator EditArea => comment.Locator(":scope > .isso-text-wrapper textarea");

    public ILocator Replies => comment.Locator(":scope > .isso-follow-up > .isso-comment");

    /// <summary>The reply box this comment's Reply button opened (wherever inside the comment the client puts it).</summary>
    public PostBox ReplyBox => new(comment.Locator(".isso-postbox").First);

    public CommentView ReplyWithText(string text) =>
        new(comment.Locator(":scope > .isso-follow-up > .isso-comment").Filter(new LocatorFilterOptions
        {
            Has = comment.Page.Locator(":scope > .isso-text-wrapper > .isso-text", new PageLocatorOptions { HasText = text }),
        }));

    private ILocator Footer(string selector) =>
        comment.Locator(":scope > .isso-text-wrapper > .isso-comment-footer " + selector);
}
