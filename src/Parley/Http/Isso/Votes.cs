using Parley.Core.Comments;
using Parley.Http.Edge;

namespace Parley.Http.Isso;

/// <summary>POST /id/&lt;id&gt;/like and /dislike (spec/api.md §4.6): always 200, refusals carry a message.</summary>
internal static class Votes
{
    /// <summary>POST /id/&lt;id&gt;/like — one vote up per reader address; always 200, a refusal carries a message.</summary>
    public static Task<IResult> Like(long id, HttpContext context, CommentService service, CancellationToken ct) =>
        VoteAsync(id, upvote: true, context, service, ct);

    /// <summary>POST /id/&lt;id&gt;/dislike — one vote down per reader address; always 200, a refusal carries a message.</summary>
    public static Task<IResult> Dislike(long id, HttpContext context, CommentService service, CancellationToken ct) =>
        VoteAsync(id, upvote: false, context, service, ct);

    private static async Task<IResult> VoteAsync(long id, bool upvote, HttpContext context, CommentService service, CancellationToken ct)
    {
        RequestBody.RejectCrossSiteForm(context.Request);
        var outcome = await service.VoteAsync(id, upvote, context.ClientAddress(), ct);
        if (outcome is null)
        {
            return JsonResponse.Null;
        }
        return JsonResponse.Ok(w =>
        {
            w.WriteStartObject();
            w.WriteNumber("likes", outcome.Likes);
            w.WriteNumber("dislikes", outcome.Dislikes);
            if (outcome.Message is { } message)
            {
                w.WriteString("message", message);
            }
            w.WriteEndObject();
        });
    }
}
