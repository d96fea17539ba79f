using System.Globalization;
using System.Text.Json;

namespace Parley.Browser.Tests.Support;

/// <summary>
/// A UI catalogue read from <c>client/i18n/&lt;lang&gt;.json</c> at test time, so tests assert the strings the
/// translators wrote rather than copies of them; plural forms are picked by <see cref="PluralForm"/>.
/// </summary>
public sealed class Catalogue
{
    private readonly Dictionary<string, string> _messages;

    private Catalogue(string lang, Dictionary<string, string> messages)
    {
        Lang = lang;
        _messages = messages;
    }

    public string Lang { get; }

    public static Catalogue Load(string lang)
    {
        var json = File.ReadAllText(RepoPaths.Catalogue(lang));
        var messages = JsonSerializer.Deserialize<Dictionary<string, string>>(json)
            ?? throw new InvalidOperationException($"{lang}.json is empty");
        return new Catalogue(lang, messages);
    }

    /// <summary>The message, or the English one where this catalogue lacks it (the client's fallback).</summary>
    public string Text(string id) =>
        _messages.TryGetValue(id, out var text) ? text
        : Lang != "en" ? Load("en").Text(id)
        : throw new KeyNotFoundException($"en.json has no \"{id}\"");

    /// <summary>The plural message's form for <paramref name="n"/>, with <c>{{ n }}</c> filled in.</summary>
    public string Plural(string id, int n)
    {
        var forms = Text(id).Split('\n');
        var form = forms[Math.Min(PluralForm(Lang, n), forms.Length - 1)];
        return form.Replace("{{ n }}", n.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    /// <summary>The message with <c>{{ name }}</c> placeholders filled in.</summary>
    public string Format(string id, params (string Name, string Value)[] values) =>
        values.Aggregate(Text(id), (text, v) => text.Replace("{{ " + v.Name + " }}", v.Value, StringComparison.Ordinal));

    /// <summary>Isso's plural rules (spec/client.md §9), written out by hand as an independent check of the client's.</summary>
    public static int PluralForm(string lang, int n) => lang switch
    {
        "fr" or "oc" => n <= 1 ? 0 : 1,
        "ru" or "uk" => n % 10 == 1 && n % 100 != 11 ? 0
            : n % 10 is >= 2 and <= 4 && (n % 100 < 10 || n % 100 >= 20) ? 1
            : 2,
        "pl" => n == 1 ? 0 : n % 10 is >= 2 and <= 4 && (n % 100 < 10 || n % 100 >= 20) ? 1 : 2,
        "sk" => n == 1 ? 0 : n is >= 2 and <= 4 ? 1 : 2,
        _ => n == 1 ? 0 : 1,
    };
}
