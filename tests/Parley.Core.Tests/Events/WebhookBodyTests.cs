using System.Net;
using System.Text;
using Parley.Core.Comments;
using Parley.Core.Events;
using Parley.Core.Events.Webhooks;
using Parley.Core.Security;

namespace Parley.Core.Tests.Events;

public class WebhookBodyTests
{
    private static readonly CommentThread Thread = new(3, "/a/ü/", null);

    [Fact]
    public void AThreadCreatedCarriesNoCommentAndAWholeSecondKeepsItsPointZero()
    {
        Assert.Equal("{\"event\":\"thread.created\",\"thread\":{\"id\":3,\"uri\":\"/a/\\u00fc/\",\"title\":null},\"comment\":null}",
            Encoding.UTF8.GetString(WebhookBody.Of(new ChangeEvent(EventTypes.ThreadCreated, EventBy.Reader, 1767225600, Thread, null))));
        Assert.Equal("1767225600.0", PyJson.Repr(1767225600));
        Assert.Equal("1767225600.123", PyJson.Repr(1767225600.123));
    }

    [Fact]
    public void ADeletionSaysWhetherAPlaceholderStaysAndNeverCarriesAddressesOrVoters()
    {
        var comment = new Comment
        {
            Id = 7, Parent = 2, Created = 1.5, Modified = 2.25, Mode = 4, Text = "", Author = "Ann", Website = "https://ann.example",
            Email = "ann@example.org", RemoteAddr = "203.0.113.0", Voters = [1, 2, 3], Likes = 4,
        };
        var body = Encoding.UTF8.GetString(WebhookBody.Of(
            new ChangeEvent(EventTypes.CommentDeleted, EventBy.Owner, 3, Thread, comment) { Placeholder = true }));
        Assert.Equal("{\"event\":\"comment.deleted\",\"thread\":{\"id\":3,\"uri\":\"/a/\\u00fc/\",\"title\":null},\"comment\":{\"id\":7,"
            + "\"parent\":2,\"created\":1.5,\"modified\":2.25,\"mode\":4,\"text\":\"\",\"author\":\"Ann\",\"website\":\"https://ann.example\"},"
            + "\"placeholder\":true}", body);
        Assert.DoesNotContain("example.org", body, StringComparison.Ordinal);
        Assert.DoesNotContain("203.0.113", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\u007f", "\"\\u007f\"")]
    [InlineData("é\u2028😀", "\"\\u00e9\\u2028\\ud83d\\ude00\"")]
    [InlineData("<a href='x'>&</a>", "\"<a href='x'>&</a>\"")]
    [InlineData("tab\tline\n", "\"tab\\tline\\n\"")]
    public void StringsAreEscapedAsPythonsJsonDumpsDoesByDefault(string text, string expected) =>
        Assert.Equal(expected, PyJson.AsciiStr(text));

    [Fact]
    public void BothSignaturesFollowTheirSpecifications()
    {
        var body = "{}"u8.ToArray();
        // Reference values computed independently (HMAC-SHA256, key "key").
        Assert.Equal("sha256=" + Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData("key"u8, body)),
            WebhookSignatures.Isso("key", body));
        var standard = WebhookSignatures.Standard("whsec_" + Convert.ToBase64String("key"u8), "evt_1", 1700000000, body);
        Assert.Equal("v1," + Convert.ToBase64String(System.Security.Cryptography.HMACSHA256.HashData("key"u8, "evt_1.1700000000.{}"u8)),
            standard);
        Assert.Equal(standard, WebhookSignatures.Standard("key", "evt_1", 1700000000, body));
    }

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("10.1.2.3", true)]
    [InlineData("172.31.255.255", true)]
    [InlineData("192.168.0.10", true)]
    [InlineData("169.254.169.254", true)]
    [InlineData("100.64.0.1", true)]
    [InlineData("::1", true)]
    [InlineData("fd00::1", true)]
    [InlineData("fe80::1", true)]
    [InlineData("::ffff:127.0.0.1", true)]
    [InlineData("0.0.0.0", true)]
    [InlineData("93.184.216.34", false)]
    [InlineData("172.32.0.1", false)]
    [InlineData("2606:4700::1111", false)]
    public void PrivateAndLoopbackAddressesAreKnown(string address, bool isPrivate) =>
        Assert.Equal(isPrivate, PrivateAddresses.IsPrivate(IPAddress.Parse(address)));
}
