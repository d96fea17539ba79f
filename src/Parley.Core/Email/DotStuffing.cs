namespace Parley.Core.Email;

/// <summary>The DATA section of RFC 5321 §4.5.2: lines starting with "." get another, then CRLF.CRLF ends it.</summary>
internal static class DotStuffing
{
    public static byte[] Apply(ReadOnlySpan<byte> message)
    {
        var output = new List<byte>(message.Length + 16);
        var lineStart = true;
        foreach (var b in message)
        {
            if (lineStart && b == (byte)'.')
            {
                output.Add((byte)'.');
            }
            output.Add(b);
            lineStart = b == (byte)'\n';
        }
        if (!lineStart)
        {
            output.AddRange("\r\n"u8);
        }
        output.AddRange(".\r\n"u8);
        return [.. output];
    }
}
