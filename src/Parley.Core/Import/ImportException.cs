namespace Parley.Core.Import;

/// <summary>A source file that cannot be imported; the message names the line or element at fault.</summary>
public sealed class ImportException(string message, Exception? inner = null) : Exception(message, inner);
