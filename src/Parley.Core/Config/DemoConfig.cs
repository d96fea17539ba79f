namespace Parley.Core.Config;

/// <summary><c>[demo]</c> (Parley): a public demo that wipes itself back to a seeded thread.</summary>
public sealed record DemoConfig
{
    /// <summary><c>enabled</c>: seed the demo thread at start and reset the whole database to it periodically. Deletes every other comment.</summary>
    public bool Enabled { get; init; }
    /// <summary><c>reset-every</c> in seconds (default 30 minutes).</summary>
    public int ResetEvery { get; init; } = 1800;
}
