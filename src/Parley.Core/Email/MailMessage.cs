namespace Parley.Core.Email;

/// <summary>
/// A plain-text mail. <paramref name="From"/> and <paramref name="To"/> are either
/// <c>Name &lt;addr&gt;</c> or a bare <c>addr</c>.
/// </summary>
public sealed record MailMessage(string From, string To, string Subject, string Body)
{
    /// <summary>Extra headers written after the standard ones, e.g. <c>List-Unsubscribe</c>.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];
}
