namespace Parley.Core.Security;

/// <summary>The outcome of checking a signed token.</summary>
public enum TokenStatus
{
    Valid,
    /// <summary>Unsigned, forged, garbled or of the wrong kind.</summary>
    Invalid,
    /// <summary>Genuinely signed, but older than allowed (or dated in the future).</summary>
    Expired,
}
