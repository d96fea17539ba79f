namespace Parley.Core.Comments;

/// <summary>What a delete of several comments did: deleted (some leaving a placeholder for their replies) or missing.</summary>
public sealed class DeleteOutcome
{
    public List<long> Deleted { get; } = [];
    public List<long> Missing { get; } = [];
    public Dictionary<long, Comment> Placeholders { get; } = [];
}
