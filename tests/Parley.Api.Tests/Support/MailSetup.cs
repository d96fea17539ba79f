using System.Text.RegularExpressions;
using Parley.Core.Config;
using Parley.Core.Email;
using Parley.Core.Events;

namespace Parley.Api.Tests.Support;

/// <summary>An app that mails through a real local SMTP server process, with a short outbox back-off.</summary>
public static partial class MailSetup
{
    public static readonly MailRetry FastRetry = new() { First = TimeSpan.FromMilliseconds(200), Max = TimeSpan.FromSeconds(1) };
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    public static Task<TestApp> StartAppAsync(SmtpServer smtp, Func<ParleyConfig, ParleyConfig>? configure = null, Action<string>? prepare = null,
        IReadOnlyList<IEventDestination>? destinations = null) =>
        TestApp.StartAsync(c =>
        {
            var mailing = c with
            {
                General = c.General with { Notify = ["smtp"] },
                Guard = c.Guard with { Enabled = false },
                Smtp = c.Smtp with
                {
                    Host = "127.0.0.1", Port = smtp.Port, Security = "none", To = "owner@example.org",
                    From = "Parley <parley@example.org>", Timeout = 20,
                },
            };
            return configure?.Invoke(mailing) ?? mailing;
        }, prepare, FastRetry, destinations);

    /// <summary>
    /// Posts a comment as a reader would; <paramref name="email"/> subscribes to replies unless told otherwise, or to
    /// the whole thread with <paramref name="wholeThread"/>.
    /// </summary>
    public static async Task<long> PostCommentAsync(this TestApp app, string uri, string text, string author, string? email = null,
        long? parent = null, bool notify = true, string? website = null, bool wholeThread = false)
    {
        var body = System.Text.Json.JsonSerializer.Serialize(new
        {
            text, author, email, website, parent, title = "A page", notification = email is null || !notify ? 0 : wholeThread ? 2 : 1,
        });
        using var response = await app.PostNewAsync(uri, body);
        Assert.True(response.StatusCode is System.Net.HttpStatusCode.Created or System.Net.HttpStatusCode.Accepted,
            await response.Content.ReadAsStringAsync());
        return System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt64();
    }

    /// <summary>The first link in a mail body after <paramref name="label"/>.</summary>
    public static string Link(ReceivedMail mail, string label)
    {
        var match = Regex.Match(mail.Body, Regex.Escape(label) + @" (\S+)");
        Assert.True(match.Success, $"no '{label}' link in:\n{mail.Body}");
        return match.Groups[1].Value;
    }

    public static IReadOnlyList<ReceivedMail> To(this IEnumerable<ReceivedMail> mails, string address) =>
        [.. mails.Where(m => m.RcptTos.Contains(address))];
}
