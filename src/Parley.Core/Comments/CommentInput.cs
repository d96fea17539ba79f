using System.Text.Json;

namespace Parley.Core.Comments;

/// <summary>
/// The accepted keys of a comment body (Isso's <c>ACCEPT</c> set), validated as spec/api.md §4.2 says.
/// Values are raw as sent; escaping happens in <see cref="CommentService"/>.
/// </summary>
public sealed record CommentInput
{
    public string Text { get; init; } = "";
    public string? Author { get; init; }
    public string? Email { get; init; }
    public string? Website { get; init; }
    public long? Parent { get; init; }
    public string? Title { get; init; }
    public long? Notification { get; init; }
    /// <summary>Keys present in the body; an edit changes only those.</summary>
    public IReadOnlySet<string> Sent { get; init; } = new HashSet<string>();

    /// <summary>Parley's client: the solved proof-of-work challenge (ALTCHA's base64 payload), under <c>altcha</c>.</summary>
    public string? Proof { get; init; }

    /// <summary>Parley's client: the honeypot field, under <see cref="HoneypotKey"/>, which a reader leaves empty.</summary>
    public string? Honeypot { get; init; }

    /// <summary>The honeypot's key in the body: a field bots like to fill.</summary>
    public const string HoneypotKey = "subject";

    private static readonly string[] Accepted = ["text", "author", "email", "website", "parent", "title", "notification", "altcha", HoneypotKey];

    /// <summary>Validates a JSON body; throws <see cref="RuleViolationException"/> with Isso's exact description.</summary>
    public static CommentInput Parse(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            throw new RuleViolationException(ViolationKind.BadRequest, "request body must be a JSON object");
        }
        var fields = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in body.EnumerateObject())
        {
            if (Accepted.Contains(property.Name))
            {
                // Python's json keeps the last of duplicate keys.
                fields[property.Name] = property.Value;
            }
        }
        var text = Field(fields, "text");
        if (text.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
        {
            throw Invalid("text is missing");
        }
        var parent = Field(fields, "parent");
        long? parentId = parent.ValueKind switch
        {
            JsonValueKind.Undefined or JsonValueKind.Null => null,
            JsonValueKind.Number when parent.TryGetInt64(out var p) => p,
            _ => throw Invalid("parent must be an integer or null"),
        };
        foreach (var key in (string[])["text", "author", "website", "email"])
        {
            if (Field(fields, key).ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null or JsonValueKind.String))
            {
                throw Invalid($"{key} must be a string or null");
            }
        }
        var input = new CommentInput
        {
            Text = text.GetString()!,
            Author = StringOrNull(fields, "author"),
            Email = StringOrNull(fields, "email"),
            Website = StringOrNull(fields, "website"),
            Parent = parentId,
            Title = Field(fields, "title") is { ValueKind: JsonValueKind.String } t ? t.GetString() : null,
            Notification = NotificationOf(Field(fields, "notification")),
            Sent = fields.Keys.ToHashSet(StringComparer.Ordinal),
            Proof = StringOrNull(fields, "altcha"),
            // Anything but an empty string or nothing counts as filled.
            Honeypot = Field(fields, HoneypotKey) switch
            {
                { ValueKind: JsonValueKind.Undefined or JsonValueKind.Null } => null,
                { ValueKind: JsonValueKind.String } v => v.GetString(),
                var other => other.GetRawText(),
            },
        };
        input.Check();
        return input;
    }

    private void Check()
    {
        if (Text.TrimEnd().Length < 3)
        {
            throw Invalid("text is too short (minimum length: 3)", RefusalCodes.TextTooShort);
        }
        if (Text.EnumerateRunes().Count() > 65535)
        {
            throw Invalid("text is too long (maximum length: 65535)", RefusalCodes.TextTooLong);
        }
        if (Email is { Length: > 254 })
        {
            throw Invalid("http://tools.ietf.org/html/rfc5321#section-4.5.3", RefusalCodes.EmailTooLong);
        }
        if (!string.IsNullOrEmpty(Website))
        {
            if (Website.Length > 254)
            {
                throw Invalid("arbitrary length limit", RefusalCodes.WebsiteTooLong);
            }
            if (!WebsiteGrammar.IsMatch(Website))
            {
                throw Invalid("Website not Django-conform", RefusalCodes.WebsiteInvalid);
            }
        }
    }

    // Isso stores what the client sends; Parley keeps the meaningful levels (spec allows normalising): 2 asks for
    // the whole thread, any other truthy value for replies.
    private static long? NotificationOf(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True => Subscription.Replies,
        JsonValueKind.False => Subscription.None,
        JsonValueKind.Number when value.TryGetDouble(out var n) => Level(n != 0, n == 2),
        JsonValueKind.String => Level(value.GetString() is { Length: > 0 } s && s != "0", value.GetString() == "2"),
        _ => null,
    };

    private static long Level(bool truthy, bool thread) => !truthy ? Subscription.None : thread ? Subscription.Thread : Subscription.Replies;

    private static JsonElement Field(Dictionary<string, JsonElement> fields, string key) =>
        fields.TryGetValue(key, out var value) ? value : default;

    private static string? StringOrNull(Dictionary<string, JsonElement> fields, string key) =>
        Field(fields, key) is { ValueKind: JsonValueKind.String } v ? v.GetString() : null;

    private static RuleViolationException Invalid(string message, string? code = null) => new(ViolationKind.InvalidField, message, code);
}
