using System.Text;
using System.Text.RegularExpressions;
using Parley.Api.Tests.Support;
using Parley.Core.Email;

namespace Parley.Core.Tests.Email;

public sealed partial class MimeWriterTests
{
    private static readonly DateTimeOffset Date = new(2026, 11, 21, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void HeadersComeInOrderAndExactlyAsSpecified()
    {
        var message = new MailMessage("Parley <parley@example.org>", "admin@example.org", "New comment", "Hi")
        {
            Headers =
            [
                KeyValuePair.Create("List-Unsubscribe", "<https://example.org/u/1>"),
                KeyValuePair.Create("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"),
            ],
        };

        var mail = ReceivedMail.Parse(MimeWriter.Write(message, Date, "42.abc@example.org"));

        Assert.Equal(
            [
                "From: Parley <parley@example.org>",
                "To: admin@example.org",
                "Date: Sat, 21 Nov 2026 10:00:00 +0000",
                "Subject: New comment",
                "Message-ID: <42.abc@example.org>",
                "MIME-Version: 1.0",
                "Content-Type: text/plain; charset=\"utf-8\"",
                "Content-Transfer-Encoding: base64",
                "List-Unsubscribe: <https://example.org/u/1>",
                "List-Unsubscribe-Post: List-Unsubscribe=One-Click",
            ],
            mail.RawHeaderLines);
        Assert.Equal("Hi", mail.Body);
    }

    [Theory]
    [InlineData(90, "Sat, 21 Nov 2026 10:00:00 +0130")]
    [InlineData(-300, "Sat, 21 Nov 2026 10:00:00 -0500")]
    public void DateKeepsItsOffset(int offsetMinutes, string expected)
    {
        var date = new DateTimeOffset(2026, 11, 21, 10, 0, 0, TimeSpan.FromMinutes(offsetMinutes));
        var mail = ReceivedMail.Parse(MimeWriter.Write(Message("x"), date, "id@x"));
        Assert.Equal(expected, mail.Header("Date"));
    }

    [Fact]
    public void BodyIsBase64OfUtf8WithCrlfLineEnds()
    {
        var text = "Grüße aus Köln 🎉\nzweite Zeile\r\ndritte — ende\n" + new string('ä', 300);
        var raw = MimeWriter.Write(Message("x") with { Body = text }, Date, "id@x");
        var mail = ReceivedMail.Parse(raw);

        Assert.Equal(text.ReplaceLineEndings("\r\n"), mail.Body);
        var bodyLines = Encoding.ASCII.GetString(raw).Split("\r\n\r\n", 2)[1].Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.All(bodyLines[..^1], line => Assert.Equal(76, line.Length));
        Assert.All(bodyLines, line => Assert.Matches("^[A-Za-z0-9+/=]+$", line));
    }

    [Fact]
    public void LongAsciiSubjectIsFoldedAtSpacesWithin78Characters()
    {
        var subject = string.Join(' ', Enumerable.Range(1, 40).Select(i => $"word{i}"));
        var mail = ReceivedMail.Parse(MimeWriter.Write(Message(subject), Date, "id@x"));

        Assert.Equal(subject, mail.Header("Subject"));
        Assert.True(mail.RawHeaderLines.Count(l => l.StartsWith(' ')) >= 3, "the subject should be folded");
        Assert.All(mail.RawHeaderLines, line => Assert.InRange(line.Length, 1, 78));
    }

    [Fact]
    public void UnbreakableUrlStaysOnOneLongLine()
    {
        var url = "<https://comments.example.org/id/1234/unsubscribe/" + new string('k', 120) + ">";
        var message = Message("x") with { Headers = [KeyValuePair.Create("List-Unsubscribe", url)] };

        var mail = ReceivedMail.Parse(MimeWriter.Write(message, Date, "id@x"));

        Assert.Contains("List-Unsubscribe: " + url, mail.RawHeaderLines);
        Assert.All(mail.RawHeaderLines.Where(l => !l.StartsWith("List-Unsubscribe:", StringComparison.Ordinal)), line => Assert.True(line.Length <= 78, line));
    }

    [Theory]
    [InlineData("Grüße")]
    [InlineData("Neuer Kommentar zu »Ein sehr langer Beitragstitel über Äpfel, Öl und Übermut« 🎉🎉🎉 von Jürgen")]
    [InlineData("🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉")]
    [InlineData("looks =?encoded?= but is plain")]
    [InlineData("  spaces  inside  and ümlaut  ")]
    public void SubjectRoundTripsThroughEncodedWords(string subject)
    {
        var raw = MimeWriter.Write(Message(subject), Date, "id@x");
        var mail = ReceivedMail.Parse(raw);

        Assert.Equal(subject.Trim(), mail.Header("Subject"));
        Assert.All(raw, b => Assert.True(b < 128, "headers and body must be ASCII"));
        Assert.All(mail.RawHeaderLines, line => Assert.True(line.Length <= 78, line));
        var words = EncodedWord().Matches(mail.RawHeader("Subject")).Select(m => m.Value).ToList();
        Assert.NotEmpty(words);
        Assert.All(words, word => Assert.InRange(word.Length, 1, 75));
    }

    [Fact]
    public void EncodedWordsNeverSplitAUtf8Sequence()
    {
        var strict = new UTF8Encoding(false, throwOnInvalidBytes: true);
        var subject = string.Concat(Enumerable.Repeat("aä€🎉", 30));
        var mail = ReceivedMail.Parse(MimeWriter.Write(Message(subject), Date, "id@x"));

        foreach (Match word in EncodedWord().Matches(mail.RawHeader("Subject")))
        {
            var text = strict.GetString(Convert.FromBase64String(word.Groups[1].Value));
            Assert.DoesNotContain('\uFFFD', text);
        }
        Assert.Equal(subject, mail.Header("Subject"));
    }

    [Theory]
    [InlineData("Jörg Müller <joerg@example.org>", "Jörg Müller <joerg@example.org>", false)]
    [InlineData("Smith, John <john@example.org>", "\"Smith, John\" <john@example.org>", true)]
    [InlineData("\"Dr. \\\"Who\\\"\" <who@example.org>", "\"Dr. \\\"Who\\\"\" <who@example.org>", true)]
    [InlineData("Ich schrei sonst! <>", "Ich schrei sonst! <>", true)]
    [InlineData("plain@example.org", "plain@example.org", true)]
    [InlineData("<bare@example.org>", "bare@example.org", true)]
    public void DisplayNamesAreQuotedOrEncodedAsNeeded(string from, string expected, bool rawIsExpected)
    {
        var mail = ReceivedMail.Parse(MimeWriter.Write(Message("x") with { From = from }, Date, "id@x"));

        Assert.Equal(expected, mail.Header("From"));
        Assert.Equal(rawIsExpected, mail.RawHeader("From") == expected);
    }

    [Fact]
    public void LongNonAsciiDisplayNameIsFoldedBetweenWords()
    {
        var from = string.Concat(Enumerable.Repeat("Ärger ", 20)).Trim() + " <a@example.org>";
        var mail = ReceivedMail.Parse(MimeWriter.Write(Message("x") with { From = from }, Date, "id@x"));

        Assert.Equal(from, mail.Header("From"));
        Assert.All(mail.RawHeaderLines, line => Assert.True(line.Length <= 78, line));
    }

    [Theory]
    [InlineData("subject")]
    [InlineData("from")]
    [InlineData("to")]
    [InlineData("header value")]
    [InlineData("header name")]
    [InlineData("message id")]
    public void LineBreaksInHeadersAreRejected(string where)
    {
        const string Evil = "x\r\nBcc: victim@example.org";
        var message = Message("x");
        var id = "id@x";
        switch (where)
        {
            case "subject": message = message with { Subject = Evil }; break;
            case "from": message = message with { From = "Eve <eve@example.org>\nBcc: v@example.org" }; break;
            case "to": message = message with { To = Evil }; break;
            case "header value": message = message with { Headers = [KeyValuePair.Create("X-Test", Evil)] }; break;
            case "header name": message = message with { Headers = [KeyValuePair.Create("X-Test\r\nBcc", "v@example.org")] }; break;
            default: id = Evil; break;
        }

        Assert.Throws<ArgumentException>(() => MimeWriter.Write(message, Date, id));
    }

    [Theory]
    [InlineData("Alice <a@x.org>", "a@x.org")]
    [InlineData("a@x.org", "a@x.org")]
    [InlineData("  a@x.org  ", "a@x.org")]
    [InlineData("\"Smith, <John>\" <j@x.org>", "j@x.org")]
    [InlineData("Ich schrei sonst! <>", "")]
    [InlineData("a@x.org (Alice)", "a@x.org")]
    public void EnvelopeAddressIsTheAddrSpec(string mailbox, string expected) =>
        Assert.Equal(expected, MimeWriter.EnvelopeAddress(mailbox));

    private static MailMessage Message(string subject) => new("from@example.org", "to@example.org", subject, "body");

    [GeneratedRegex(@"=\?utf-8\?B\?([A-Za-z0-9+/=]*)\?=")]
    private static partial Regex EncodedWord();
}
