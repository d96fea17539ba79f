using Parley.Core.Import;

namespace Parley.Core.Tests.Import;

/// <summary>The import fixtures of tests/fixtures/import, copied beside the test binaries.</summary>
internal static class Fixture
{
    public static string Path(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "fixtures", "import", name);

    public static ImportedData Read(IImportFormat format, string name)
    {
        using var input = File.OpenRead(Path(name));
        return format.Read(input);
    }

    public static ImportedData ReadText(IImportFormat format, string text)
    {
        using var input = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text));
        return format.Read(input);
    }

    public static ImportedComment Comment(ImportedData data, string key) =>
        data.Threads.SelectMany(t => t.Comments).Single(c => c.Key == key);

    public static double Utc(int year, int month, int day, int hour = 0, int minute = 0, int second = 0) =>
        new DateTimeOffset(year, month, day, hour, minute, second, TimeSpan.Zero).ToUnixTimeSeconds();
}
