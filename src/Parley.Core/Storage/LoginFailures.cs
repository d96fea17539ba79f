namespace Parley.Core.Storage;

/// <summary>
/// Failed admin sign-ins from one address: how many, the last one, and until when the address is locked out (Unix
/// seconds). Kept in the database, so every instance behind a load balancer counts the same failures.
/// </summary>
public sealed record LoginFailures(int Count, double Last, double LockedUntil);
