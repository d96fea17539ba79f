namespace Parley.Core.Import;

/// <summary>A file format <c>parley import</c> reads: Disqus, WordPress, Isso's generic JSON, Parley's export.</summary>
public interface IImportFormat
{
    /// <summary>The name <c>--type</c> takes.</summary>
    string Name { get; }

    /// <summary>Parses and validates the whole file; throws <see cref="ImportException"/> naming the line or element at fault.</summary>
    ImportedData Read(Stream input);
}
