namespace Parley.Http.Edge;

/// <summary>
/// An HTTP-level refusal with Isso's status and description. <c>alwaysHtml</c> marks the errors
/// Isso renders as an HTML page whatever the client accepts (spec/api.md §1.5).
/// </summary>
internal sealed class IssoError(int status, string description, bool alwaysHtml = false) : Exception(description)
{
    public int Status { get; } = status;
    public bool AlwaysHtml { get; } = alwaysHtml;

    public static IssoError MissingUri() => new(400, "missing uri query");
    public static IssoError Csrf() => new(403, "CSRF");
    public static IssoError Forbidden() => new(403, ErrorPage.DefaultDescription(403));
    /// <summary>A genuine link that is too old: says so, and nothing else about the comment.</summary>
    public static IssoError LinkExpired() => new(403, "This link has expired. Ask for a new one.", alwaysHtml: true);

    /// <summary>403 for a link that is not valid, with the clearer text when it is merely too old.</summary>
    public static IssoError ForLink(Parley.Core.Security.TokenStatus status) =>
        status == Parley.Core.Security.TokenStatus.Expired ? LinkExpired() : Forbidden();

    public static IssoError NotFound() => new(404, ErrorPage.DefaultDescription(404));
    public static IssoError BadQuery(string description) => new(400, description, alwaysHtml: true);
}
