using System.Text.RegularExpressions;
using Parley.Core.Comments;
using Parley.Core.Config;

namespace Parley.Core.Spam;

/// <summary>
/// <c>[spam]</c>'s rules on what a comment says: blocked words refuse it (with a message that does not give the list
/// away), suspect words and too many links hold it for moderation, with the reason.
/// </summary>
public static partial class SpamRules
{
    /// <summary>The message a refused comment gets: the same whatever refused it.</summary>
    public const string RefusedMessage = "this comment cannot be posted here";

    /// <summary>The refusal itself: 403 with <see cref="RefusedMessage"/>, saying nothing of the rule or list.</summary>
    public static RuleViolationException Refusal() => new(ViolationKind.Forbidden, RefusedMessage, RefusalCodes.Refused);

    /// <summary>Throws 403 when a blocked word matches; answers why the comment should wait for moderation, or null.</summary>
    public static string? Check(SpamConfig spam, CommentInput input)
    {
        ArgumentNullException.ThrowIfNull(spam);
        ArgumentNullException.ThrowIfNull(input);
        var fields = new[] { input.Text, input.Author, input.Website, input.Email }.OfType<string>().ToArray();
        if (spam.BlockedWords.Any(rule => fields.Any(rule.Matches)))
        {
            throw Refusal();
        }
        if (spam.SuspectWords.FirstOrDefault(rule => fields.Any(rule.Matches)) is { } suspect)
        {
            return $"suspect word: {suspect.Text}";
        }
        if (spam.MaxLinks is not { } most)
        {
            return null;
        }
        var links = Links(input.Text);
        return links > most ? $"{links} links (more than {most})" : null;
    }

    /// <summary>Addresses in the text: <c>http://</c>, <c>https://</c> or <c>www.</c>, bare or in Markdown or HTML links.</summary>
    public static int Links(string text) => Address().Count(text);

    [GeneratedRegex(@"(?i)(?<![\w./@])(?:https?://|www\.)[^\s)""'<>]")]
    private static partial Regex Address();
}
