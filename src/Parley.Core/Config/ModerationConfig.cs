namespace Parley.Core.Config;

/// <summary><c>[moderation]</c>.</summary>
public sealed record ModerationConfig
{
    /// <summary><c>enabled</c>: new comments wait for approval (mode 2).</summary>
    public bool Enabled { get; init; }
    /// <summary><c>approve-if-email-previously-approved</c>: publish directly when the e-mail had a comment approved in the last 6 months.</summary>
    public bool ApproveIfEmailPreviouslyApproved { get; init; }
    /// <summary><c>purge-after</c> in seconds: pending comments older than this are deleted.</summary>
    public int PurgeAfter { get; init; } = 30 * 24 * 3600;
}
