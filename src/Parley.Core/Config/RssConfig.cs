namespace Parley.Core.Config;

/// <summary><c>[rss]</c>: the Atom feed.</summary>
public sealed record RssConfig
{
    /// <summary><c>base</c>: prepended to thread uris in feed links; empty disables the feed.</summary>
    public string Base { get; init; } = "";
    /// <summary><c>limit</c>: entries per feed.</summary>
    public int Limit { get; init; } = 100;
}
