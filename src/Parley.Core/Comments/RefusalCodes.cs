namespace Parley.Core.Comments;

/// <summary>
/// Stable names for refusals a reader can act on, sent beside Isso's message so that a client can say them in the
/// reader's language and point at the field concerned. Isso's messages stay as they are.
/// </summary>
public static class RefusalCodes
{
    public const string TextTooShort = "text-too-short";
    public const string TextTooLong = "text-too-long";
    public const string EmailTooLong = "email-too-long";
    public const string WebsiteTooLong = "website-too-long";
    public const string WebsiteInvalid = "website-invalid";
    public const string EmailRequired = "email-required";
    public const string AuthorRequired = "author-required";
    public const string RateLimited = "rate-limited";
    public const string TooManyTopLevel = "too-many-top-level";
    public const string ReplyToSelf = "reply-to-self";
    public const string Refused = "refused";
    public const string ProofOfWork = "proof-of-work";
}
