using Parley.Core.Comments;
using Parley.Core.Events;

namespace Parley.Storage;

/// <summary>An event log row as selected by name (see each engine's event log); settable properties let the mapper convert.</summary>
internal sealed class EventRow
{
    public long Seq { get; set; }
    public string Type { get; set; } = "";
    public double Created { get; set; }
    public string By { get; set; } = "";
    public long Tid { get; set; }
    public string? Uri { get; set; }
    public string? Title { get; set; }
    public long? CommentId { get; set; }
    public long? Parent { get; set; }
    public double? CommentCreated { get; set; }
    public double? Modified { get; set; }
    public long? Mode { get; set; }
    public string? Text { get; set; }
    public string? Author { get; set; }
    public string? Website { get; set; }
    public long? Likes { get; set; }
    public long? Dislikes { get; set; }
    public bool Placeholder { get; set; }
    public bool? Upvote { get; set; }
    public string? Origin { get; set; }
    public string? Endpoint { get; set; }
    public long Confirm { get; set; }

    public ChangeEvent ToEvent()
    {
        var comment = CommentId is { } id ? new Comment
        {
            Tid = Tid,
            Id = id,
            Parent = Parent,
            Created = CommentCreated ?? 0,
            Modified = Modified,
            Mode = (int)(Mode ?? 0),
            Text = Text ?? "",
            Author = Author,
            Website = Website,
            Likes = Likes ?? 0,
            Dislikes = Dislikes ?? 0,
        } : null;
        return new ChangeEvent(Type, By, Created, new CommentThread(Tid, Uri ?? "", Title), comment)
        {
            Seq = Seq,
            Placeholder = Placeholder,
            Upvote = Upvote,
            Site = Origin is null || Endpoint is null ? null : new SiteAddress(Origin, Endpoint),
            SubscriptionToConfirm = Confirm,
        };
    }
}
