using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace Parley.Core.Import;

/// <summary>Loads an XML export safely (no DTDs, no external entities) with line numbers kept for error messages.</summary>
public static class ImportXml
{
    public static XDocument Load(Stream input)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            CloseInput = false,
        };
        try
        {
            using var reader = XmlReader.Create(input, settings);
            return XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException e)
        {
            // A refused DTD carries no position; say what is wrong without inventing a line.
            var place = e.LineNumber > 0
                ? string.Create(CultureInfo.InvariantCulture, $"line {e.LineNumber}, position {e.LinePosition}: ")
                : "";
            throw new ImportException($"{place}not well-formed XML ({Reason(e)})", e);
        }
    }

    /// <summary><c>line N</c> of an element, for messages.</summary>
    public static string Line(XObject node) =>
        ((IXmlLineInfo)node).HasLineInfo()
            ? string.Create(CultureInfo.InvariantCulture, $"line {((IXmlLineInfo)node).LineNumber}")
            : "unknown line";

    /// <summary>The text of a child element, or null when the child is missing.</summary>
    public static string? Text(XElement parent, XName name) => parent.Element(name)?.Value;

    // XmlException appends "Line 3, position 7." itself; the message states the place once.
    private static string Reason(XmlException e)
    {
        var message = e.Message;
        var at = message.IndexOf(" Line ", StringComparison.Ordinal);
        return (at > 0 ? message[..at] : message).TrimEnd('.', ' ');
    }
}
