using System.Globalization;

namespace Parley.Http.Edge;

/// <summary>
/// What no value typed by a person contains: NUL, and in query arguments and form fields the other C0 control
/// characters too (tab and line breaks excepted). Such a value is refused with 400 naming where it was, before
/// anything reads it: .NET's form reader throws on a NUL, and nothing stored may hold one (mail headers, SQLite
/// tools and Isso's readers stop at it).
/// </summary>
internal static class InvalidCharacters
{
    /// <summary>The first invalid character of <paramref name="text"/>, or null.</summary>
    public static char? FirstIn(string? text, bool controlsAllowed = false)
    {
        foreach (var c in text ?? "")
        {
            if (c == '\0' || (!controlsAllowed && c < ' ' && c is not '\t' and not '\n' and not '\r'))
            {
                return c;
            }
        }
        return null;
    }

    /// <summary>The refusal for a value: <c>form field 'password' contains an invalid character (U+0000)</c>.</summary>
    public static string Message(string what, string? name, char found)
    {
        var code = ((int)found).ToString("X4", CultureInfo.InvariantCulture);
        return name is null
            ? $"a {what} name contains an invalid character (U+{code})"
            : $"{what} '{Shown(name)}' contains an invalid character (U+{code})";
    }

    // A name is echoed shortened, without control characters.
    private static string Shown(string name) =>
        new([.. (name.Length > 40 ? name[..40] + "…" : name).Select(c => c < ' ' ? '?' : c)]);
}
