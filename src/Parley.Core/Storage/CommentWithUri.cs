using Parley.Core.Comments;

namespace Parley.Core.Storage;

/// <summary>A comment together with the uri of its thread (for <c>/latest</c>).</summary>
public sealed record CommentWithUri(Comment Comment, string Uri);
