using System.Globalization;
using Parley.Core.Comments;
using Parley.Core.Config;
using Parley.Core.Storage;

namespace Parley.Core.Moderation;

/// <summary>
/// Isso's spam guard (spec/behaviour.md §10); runs only for new comments and only when enabled. Its refusals are shown
/// to readers and never contain an address.
/// </summary>
public sealed class Guard(GuardConfig config, int maxAge, IWriteScope store)
{
    /// <summary>Throws a 403 <see cref="RuleViolationException"/> with Isso's reason when a rule refuses the comment.</summary>
    public async Task CheckAsync(string uri, CommentInput input, string remoteAddr, double now, CancellationToken ct)
    {
        if (!config.Enabled)
        {
            return;
        }
        var recent = await store.RecentIdsByAddressAsync(remoteAddr, now - 60, ct);
        if (recent.Count >= config.RateLimit)
        {
            // Isso names the address and the recent comments' ids; readers see this text, and behind a proxy the address is
            // the proxy's own, so neither is said.
            Deny(string.Create(CultureInfo.InvariantCulture,
                $"ratelimit exceeded: at most {config.RateLimit} comment{(config.RateLimit == 1 ? "" : "s")} a minute from one network; please try again in a minute"), RefusalCodes.RateLimited);
        }
        if (input.Parent is null)
        {
            var direct = await store.CountTopLevelByAddressAsync(uri, remoteAddr, ct);
            if (direct >= config.DirectReply)
            {
                Deny($"{direct} direct responses to {uri}", RefusalCodes.TooManyTopLevel);
            }
        }
        else if (!config.ReplyToSelf)
        {
            var parent = await store.GetCommentAsync(input.Parent.Value, ct);
            if (parent is not null && parent.RemoteAddr == remoteAddr && now - parent.Created < maxAge)
            {
                Deny("edit time frame is still open", RefusalCodes.ReplyToSelf);
            }
        }
        if (config.RequireEmail && string.IsNullOrEmpty(input.Email))
        {
            Deny("email address required but not provided", RefusalCodes.EmailRequired);
        }
        if (config.RequireAuthor && string.IsNullOrEmpty(input.Author))
        {
            Deny("author address required but not provided", RefusalCodes.AuthorRequired);
        }
    }

    private static void Deny(string reason, string code) => throw new RuleViolationException(ViolationKind.Forbidden, reason, code);
}
