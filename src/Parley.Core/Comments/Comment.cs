namespace Parley.Core.Comments;

/// <summary>One row of Isso's <c>comments</c> table, as stored (author, email and website already escaped).</summary>
public sealed record Comment
{
    public long Tid { get; init; }
    public long Id { get; init; }
    /// <summary>Id of the top-level comment this replies to; null for top-level comments.</summary>
    public long? Parent { get; init; }
    /// <summary>Unix time in fractional seconds.</summary>
    public double Created { get; init; }
    public double? Modified { get; init; }
    public int Mode { get; init; }
    /// <summary>Anonymised client address.</summary>
    public string? RemoteAddr { get; init; }
    /// <summary>Raw Markdown as typed; empty for deleted placeholders.</summary>
    public string Text { get; init; } = "";
    public string? Author { get; init; }
    public string? Email { get; init; }
    public string? Website { get; init; }
    public long Likes { get; init; }
    public long Dislikes { get; init; }
    /// <summary>Bloom filter of the addresses that voted (and the author's).</summary>
    public byte[] Voters { get; init; } = [];
    /// <summary>Reply-mail subscription flag, 0/1, or null when the client sent none.</summary>
    public long? Notification { get; init; }
}
