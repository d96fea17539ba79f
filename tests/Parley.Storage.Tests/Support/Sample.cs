using Parley.Core.Comments;
using Parley.Core.Security;

namespace Parley.Storage.Tests.Support;

/// <summary>Comments as the rules layer would hand them to the store.</summary>
public static class Sample
{
    public const double T0 = 1_700_000_000.25;

    public static Comment Comment(long tid, long? parent = null, double created = T0, int mode = CommentMode.Published) => new()
    {
        Tid = tid,
        Parent = parent,
        Created = created,
        Mode = mode,
        RemoteAddr = "192.168.1.0",
        Text = "Hello, *world*",
        Author = "Alice &amp; Bob",
        Email = "alice@example.org",
        Website = "http://example.org",
        Voters = VotersFilter.Create("192.168.1.0"),
        Notification = 0,
    };
}
