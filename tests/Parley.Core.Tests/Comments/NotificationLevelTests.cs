using System.Text.Json;
using Parley.Core.Comments;

namespace Parley.Core.Tests.Comments;

/// <summary>What <c>notification</c> of a new comment becomes: the levels of Isso's thread proposal.</summary>
public sealed class NotificationLevelTests
{
    [Theory]
    [InlineData("0", Subscription.None)]
    [InlineData("false", Subscription.None)]
    [InlineData("\"\"", Subscription.None)]
    [InlineData("\"0\"", Subscription.None)]
    [InlineData("1", Subscription.Replies)]
    [InlineData("true", Subscription.Replies)]
    [InlineData("\"1\"", Subscription.Replies)]
    [InlineData("\"on\"", Subscription.Replies)]
    [InlineData("3", Subscription.Replies)]
    [InlineData("2.5", Subscription.Replies)]
    [InlineData("2", Subscription.Thread)]
    [InlineData("2.0", Subscription.Thread)]
    [InlineData("\"2\"", Subscription.Thread)]
    public void TwoAsksForTheThreadAndAnyOtherTruthyValueForReplies(string sent, long level)
    {
        using var body = JsonDocument.Parse($$"""{"text": "Hello", "notification": {{sent}}}""");
        Assert.Equal(level, CommentInput.Parse(body.RootElement).Notification);
    }

    [Fact]
    public void NoNotificationIsNone()
    {
        using var body = JsonDocument.Parse("""{"text": "Hello"}""");
        Assert.Null(CommentInput.Parse(body.RootElement).Notification);
    }
}
