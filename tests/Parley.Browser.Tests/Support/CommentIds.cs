using System.Globalization;

namespace Parley.Browser.Tests.Support;

/// <summary>Comment ids as the DOM carries them (<c>id="isso-12"</c>).</summary>
public static class CommentIds
{
    public static async Task<long> IdOfAsync(CommentView comment)
    {
        var id = await comment.Element.GetAttributeAsync("id") ?? throw new Xunit.Sdk.XunitException("comment without an id");
        Assert.StartsWith("isso-", id, StringComparison.Ordinal);
        return long.Parse(id["isso-".Length..], CultureInfo.InvariantCulture);
    }
}
