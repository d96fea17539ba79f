using System.Text.Json;
using Parley.Core.Config;
using Parley.Core.Markup;

namespace Parley.Core.Tests.Markup;

/// <summary>Every vector in fixtures/xss-vectors.json, through every engine and a permissive
/// configuration, must come out inert.</summary>
public sealed class XssCorpusTests
{
    /// <summary>The corpus, for every test of this suite that needs it.</summary>
    internal static readonly string[] Vectors = JsonSerializer.Deserialize<string[]>(
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "fixtures", "xss-vectors.json")))!;

    private static readonly string[] PermissiveElements = ["img", "tr", "span", "div"];
    private static readonly string[] PermissiveAttributes = ["class", "title", "src"];

    private static readonly CommentRenderer Default = new(new MarkupConfig());

    private static readonly CommentRenderer Permissive = new(new MarkupConfig
    {
        AllowedElements = PermissiveElements,
        AllowedAttributes = PermissiveAttributes,
        Plugins = ["url", "table", "strikethrough"],
    });

    // Misaka passes typed HTML through, so the sanitiser alone stands between it and the page.
    private static readonly CommentRenderer Misaka = new(new MarkupConfig
    {
        Renderer = "misaka",
        AllowedElements = PermissiveElements,
        AllowedAttributes = PermissiveAttributes,
    });

    private static readonly HtmlSanitizer Sanitizer = new(PermissiveElements, PermissiveAttributes);

    public static TheoryData<int> VectorIndexes()
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < Vectors.Length; i++)
        {
            data.Add(i);
        }

        return data;
    }

    [Fact]
    public void CorpusHasEnoughDistinctVectors() =>
        Assert.True(Vectors.Distinct(StringComparer.Ordinal).Count() >= 120, $"only {Vectors.Length} vectors");

    [Theory]
    [MemberData(nameof(VectorIndexes))]
    public void DefaultConfigurationOutputIsInert(int index) => AssertInert(Default, index);

    [Theory]
    [MemberData(nameof(VectorIndexes))]
    public void PermissiveConfigurationOutputIsInert(int index) => AssertInert(Permissive, index);

    [Theory]
    [MemberData(nameof(VectorIndexes))]
    public void MisakaOutputIsInert(int index) => AssertInert(Misaka, index);

    [Theory]
    [MemberData(nameof(VectorIndexes))]
    public void SanitisedRawHtmlIsInert(int index)
    {
        var output = Sanitizer.Sanitize(Vectors[index]);
        Assert.True(ExecutableContent.Find(output).Count == 0, Describe(index, output));
    }

    private static void AssertInert(CommentRenderer renderer, int index)
    {
        var output = renderer.Render(Vectors[index]);
        Assert.True(ExecutableContent.Find(output).Count == 0, Describe(index, output));
    }

    private static string Describe(int index, string output) =>
        $"vector {index} {JsonSerializer.Serialize(Vectors[index])} rendered as {JsonSerializer.Serialize(output)}: "
        + string.Join("; ", ExecutableContent.Find(output));
}
