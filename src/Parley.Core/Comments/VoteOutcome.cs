namespace Parley.Core.Comments;

/// <summary>Counts after a vote; <paramref name="Message"/> says why a refused vote was not counted.</summary>
public sealed record VoteOutcome(long Likes, long Dislikes, string? Message);
