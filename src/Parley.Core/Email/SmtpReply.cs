namespace Parley.Core.Email;

/// <summary>One reply of the server: its code and the text of every line (continuations included).</summary>
internal sealed record SmtpReply(int Code, IReadOnlyList<string> Lines)
{
    /// <summary>EHLO keywords after the greeting line, upper case: <c>STARTTLS</c>, <c>AUTH PLAIN LOGIN</c>…</summary>
    public IReadOnlyList<string> Extensions => [.. Lines.Skip(1).Select(l => l.Trim().ToUpperInvariant())];

    /// <summary>The failure this reply means for <paramref name="failure"/>, e.g. "RCPT TO rejected: 550 …".</summary>
    public SmtpException Refusal(string failure) => new($"{failure}: {this}", Code);

    public override string ToString() => $"{Code} {string.Join(" / ", Lines)}".TrimEnd();
}
