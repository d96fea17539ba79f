namespace Parley.Core.Import;

/// <summary>
/// One comment as a source file describes it, engine-neutral. <see cref="Key"/> identifies it within its thread
/// (Disqus id, WordPress id, Parley id); <see cref="ParentKey"/> names the top-level comment it replies to.
/// Author, email and website are already escaped as the API stores them.
/// </summary>
public sealed record ImportedComment
{
    public required string Key { get; init; }
    public string? ParentKey { get; init; }
    /// <summary>Unix time in fractional seconds, UTC.</summary>
    public double Created { get; init; }
    public double? Modified { get; init; }
    public int Mode { get; init; } = Comments.CommentMode.Published;
    public string? RemoteAddr { get; init; }
    public string Text { get; init; } = "";
    public string? Author { get; init; }
    public string? Email { get; init; }
    public string? Website { get; init; }
    public long Likes { get; init; }
    public long Dislikes { get; init; }
    /// <summary>The voters Bloom filter; null means "a filter holding only <see cref="RemoteAddr"/>".</summary>
    public byte[]? Voters { get; init; }
    public long? Notification { get; init; }
}

/// <summary>A thread (by uri) and its comments in insertion order.</summary>
public sealed record ImportedThread(string Uri, string? Title, IReadOnlyList<ImportedComment> Comments);

/// <summary>What a source file holds: the threads to import and a line for each comment left out.</summary>
public sealed record ImportedData(IReadOnlyList<ImportedThread> Threads, IReadOnlyList<string> Skipped)
{
    public int CommentCount => Threads.Sum(t => t.Comments.Count);
}

/// <summary>What an import stored: threads created, existing threads reused, comments inserted.</summary>
public sealed record ImportCounts(int ThreadsCreated, int ThreadsReused, int Comments)
{
    public int Threads => ThreadsCreated + ThreadsReused;
}
