namespace Parley.Core.Events;

/// <summary>
/// Where links in notifications point: <paramref name="Origin"/> is the website the triggering request came
/// from (comment permalinks), <paramref name="Endpoint"/> is the comment server's public address (moderation
/// and unsubscribe links), as spec/notifications.md §3 defines them.
/// </summary>
public sealed record SiteAddress(string Origin, string Endpoint);
