using System.Text.RegularExpressions;

namespace Parley.Core.Import;

/// <summary>Picks the format of a file from its first 8192 characters (spec/import.md), or by its <c>--type</c> name.</summary>
public static partial class ImportDetector
{
    public const int HeadLength = 8192;

    public static readonly IReadOnlyList<IImportFormat> Formats =
        [new DisqusImport(), new WordPressImport(), new IssoJsonImport(), new ParleyExport()];

    public static IImportFormat Detect(string head)
    {
        var text = head.TrimStart('\uFEFF');
        if (text.Contains("xmlns=\"http://disqus.com", StringComparison.Ordinal))
        {
            return Formats[0];
        }
        if (WordPress().IsMatch(text))
        {
            return Formats[1];
        }
        if (GenericJson().IsMatch(text))
        {
            return Formats[2];
        }
        if (ParleyJson().IsMatch(text))
        {
            return Formats[3];
        }
        throw new ImportException("unknown format: not a Disqus or WordPress export, Isso's generic JSON or a Parley export (use --type to choose)");
    }

    /// <summary>Reads the head of <paramref name="input"/> and rewinds it.</summary>
    public static IImportFormat Detect(Stream input)
    {
        var buffer = new char[HeadLength];
        int read;
        using (var reader = new StreamReader(input, leaveOpen: true))
        {
            read = reader.ReadBlock(buffer, 0, buffer.Length);
        }
        input.Position = 0;
        return Detect(new string(buffer, 0, read));
    }

    public static IImportFormat Named(string name) =>
        Formats.FirstOrDefault(f => f.Name == name) ?? throw new ImportException($"unknown --type '{name}'");

    [GeneratedRegex(@"http://wordpress\.org/export/1\.\d/")]
    private static partial Regex WordPress();

    [GeneratedRegex(@"\A\s*\[\s*\{")]
    private static partial Regex GenericJson();

    [GeneratedRegex(@"\A\s*\{\s*""format""\s*:\s*""parley-export""")]
    private static partial Regex ParleyJson();
}
