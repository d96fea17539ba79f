namespace Parley.Core.Comments;

/// <summary>How a broken rule reaches the client; Http/Edge maps each kind to Isso's status and error shape.</summary>
public enum ViolationKind
{
    /// <summary>400 from field validation: Isso always answers these with an HTML page.</summary>
    InvalidField,
    /// <summary>400 raised through Isso's central handler (JSON when the client prefers it).</summary>
    BadRequest,
    /// <summary>403: guard, tokens, signatures.</summary>
    Forbidden,
    /// <summary>404: unknown comment.</summary>
    NotFound,
}

/// <summary>
/// The closed set of rule failures Core raises; never a server error. <see cref="Code"/> is one of
/// <see cref="RefusalCodes"/> when the reader can act on it.
/// </summary>
public sealed class RuleViolationException(ViolationKind kind, string message, string? code = null) : Exception(message)
{
    public ViolationKind Kind { get; } = kind;
    public string? Code { get; } = code;
}
