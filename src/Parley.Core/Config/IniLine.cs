namespace Parley.Core.Config;

/// <summary>One physical line of an INI file: its text and the exact terminator that followed it ("" at the end).</summary>
internal sealed record IniLine(string Text, string Eol)
{
    /// <summary>Splits text into lines, keeping "\r\n", "\n" and "\r" terminators as they were.</summary>
    public static List<IniLine> Split(string text)
    {
        var lines = new List<IniLine>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is not ('\n' or '\r'))
            {
                continue;
            }
            var eolLength = c == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;
            lines.Add(new IniLine(text[start..i], text.Substring(i, eolLength)));
            i += eolLength - 1;
            start = i + 1;
        }
        if (start < text.Length)
        {
            lines.Add(new IniLine(text[start..], ""));
        }
        return lines;
    }
}
