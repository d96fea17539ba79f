using Parley.Core.Spam;

namespace Parley.Core.Config;

/// <summary>
/// <c>[spam]</c> (Parley): defences that need no third party, all off by default so that an Isso configuration behaves
/// as with Isso. See <see cref="SpamRules"/> and <see cref="ProofOfWork"/>.
/// </summary>
public sealed record SpamConfig
{
    /// <summary>The browser solves a small hash puzzle (ALTCHA's v1 challenge) before a comment is accepted.</summary>
    public bool ProofOfWork { get; init; }

    /// <summary>The largest number the puzzle may hide: a browser tries half of them on average.</summary>
    public int ProofOfWorkCost { get; init; } = 200_000;

    /// <summary>A form field real readers never see; a comment that fills it is refused.</summary>
    public bool Honeypot { get; init; }

    /// <summary>A comment matching one of these is refused.</summary>
    public IReadOnlyList<WordRule> BlockedWords { get; init; } = [];

    /// <summary>A comment matching one of these waits for moderation.</summary>
    public IReadOnlyList<WordRule> SuspectWords { get; init; } = [];

    /// <summary>More links than this and a comment waits for moderation; null: no limit.</summary>
    public int? MaxLinks { get; init; }
}
