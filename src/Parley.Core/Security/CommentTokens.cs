using System.Text.Json;
using Parley.Core.Comments;

namespace Parley.Core.Security;

/// <summary>The token kinds of spec/signing.md §1.4 on top of <see cref="TokenSigner"/>.</summary>
public sealed class CommentTokens(TokenSigner signer)
{
    /// <summary>Ownership token <c>[id, sha1(text)]</c> for the cookies <c>&lt;id&gt;</c> and <c>isso-&lt;id&gt;</c>.</summary>
    public string Ownership(long id, string text) => signer.Sign(PyJson.Array(PyJson.Number(id), PyJson.Str(TextHash.Of(text))));

    /// <summary>View rule: a valid signature within the window; the payload is not compared (as in Isso).</summary>
    public bool IsFresh(string? token, long maxAge) => signer.Verify(token, maxAge) is not null;

    /// <summary>Edit/delete rule: valid within the window, and the payload names this id and its current text.</summary>
    public bool Owns(string? token, long maxAge, long id, string currentText)
    {
        if (signer.Verify(token, maxAge) is not { ValueKind: JsonValueKind.Array } value || value.GetArrayLength() != 2)
        {
            return false;
        }
        var cid = value[0];
        var hash = value[1];
        return cid.ValueKind == JsonValueKind.Number && cid.TryGetInt64(out var n) && n == id
            && hash.ValueKind == JsonValueKind.String && hash.GetString() == TextHash.Of(currentText);
    }

    /// <summary>Moderation key: the signed bare comment id.</summary>
    public string ModerationKey(long id) => signer.Sign(PyJson.Number(id));

    /// <summary>The comment id a moderation key names, or null when the key is not valid.</summary>
    public long? ModeratedId(string? key) => CheckModerationKey(key, out var id) == TokenStatus.Valid ? id : null;

    /// <summary>Checks a moderation key and reads the comment id it names.</summary>
    public TokenStatus CheckModerationKey(string? key, out long id)
    {
        id = 0;
        var status = signer.Check(key, TokenSigner.LinkMaxAge, out var v);
        return status != TokenStatus.Valid ? status
            : v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out id) ? TokenStatus.Valid : TokenStatus.Invalid;
    }

    /// <summary>
    /// Unsubscribe key with the e-mail as stored: <c>["unsubscribe", email]</c> for reply mails (Isso's), and
    /// <c>["unsubscribe", email, "thread"]</c> for thread mails, whose link stops the whole thread.
    /// </summary>
    public string UnsubscribeKey(string email, bool thread = false) =>
        signer.Sign(PyJson.Array([PyJson.Str("unsubscribe"), PyJson.Str(email), .. ThreadMark(thread)]));

    public bool IsUnsubscribeKeyFor(string? key, string email) => CheckUnsubscribeKey(key, email, out _) == TokenStatus.Valid;

    /// <summary>Checks an unsubscribe key for <paramref name="email"/>; <paramref name="thread"/> tells a thread mail's key.</summary>
    public TokenStatus CheckUnsubscribeKey(string? key, string email, out bool thread)
    {
        thread = false;
        var status = signer.Check(key, TokenSigner.LinkMaxAge, out var v);
        if (status != TokenStatus.Valid)
        {
            return status;
        }
        if (!IsKey(v, "unsubscribe", 2, out var marked) || !IsText(v[1], email))
        {
            return TokenStatus.Invalid;
        }
        thread = marked;
        return TokenStatus.Valid;
    }

    /// <summary>
    /// Double opt-in key <c>["subscribe", email, id]</c> confirming reply mails for one comment's address, with
    /// <c>"thread"</c> appended when the whole thread was asked for.
    /// </summary>
    public string SubscribeKey(string email, long id, long level = Subscription.Replies) =>
        signer.Sign(PyJson.Array([PyJson.Str("subscribe"), PyJson.Str(email), PyJson.Number(id), .. ThreadMark(level == Subscription.Thread)]));

    /// <summary>
    /// Checks that <paramref name="key"/> confirms <paramref name="email"/> for comment <paramref name="id"/> and is
    /// at most a week old; <paramref name="level"/> is the subscription it confirms.
    /// </summary>
    public TokenStatus CheckSubscribeKey(string? key, string email, long id, out long level)
    {
        level = Subscription.Replies;
        var status = signer.Check(key, SubscribeMaxAge, out var v);
        if (status != TokenStatus.Valid)
        {
            return status;
        }
        if (!IsKey(v, "subscribe", 3, out var thread) || !IsText(v[1], email)
            || v[2].ValueKind != JsonValueKind.Number || !v[2].TryGetInt64(out var n) || n != id)
        {
            return TokenStatus.Invalid;
        }
        level = thread ? Subscription.Thread : Subscription.Replies;
        return TokenStatus.Valid;
    }

    private static string[] ThreadMark(bool thread) => thread ? [PyJson.Str("thread")] : [];

    // ["kind", …] with `length` items, or one more that is "thread" (Isso's thread proposal); `thread` tells which.
    private static bool IsKey(JsonElement v, string kind, int length, out bool thread)
    {
        thread = v.ValueKind == JsonValueKind.Array && v.GetArrayLength() == length + 1;
        return v.ValueKind == JsonValueKind.Array && (v.GetArrayLength() == length || thread && IsText(v[length], "thread"))
            && IsText(v[0], kind);
    }

    private static bool IsText(JsonElement value, string text) => value.ValueKind == JsonValueKind.String && value.GetString() == text;

    /// <summary>A confirmation link is good for seven days; after that the reader subscribes again.</summary>
    public const long SubscribeMaxAge = 7 * 86400;
}
