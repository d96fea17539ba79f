using System.Text.Json;

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
    public long? ModeratedId(string? key) =>
        signer.Verify(key, TokenSigner.LinkMaxAge) is { ValueKind: JsonValueKind.Number } v && v.TryGetInt64(out var id) ? id : null;

    /// <summary>Unsubscribe key <c>["unsubscribe", email]</c> with the e-mail as stored.</summary>
    public string UnsubscribeKey(string email) => signer.Sign(PyJson.Array(PyJson.Str("unsubscribe"), PyJson.Str(email)));

    public bool IsUnsubscribeKeyFor(string? key, string email) =>
        signer.Verify(key, TokenSigner.LinkMaxAge) is { ValueKind: JsonValueKind.Array } v
        && v.GetArrayLength() == 2
        && v[0].ValueKind == JsonValueKind.String && v[0].GetString() == "unsubscribe"
        && v[1].ValueKind == JsonValueKind.String && v[1].GetString() == email;
}
