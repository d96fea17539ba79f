using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using AngleSharp.Html.Parser;
using Microsoft.Data.Sqlite;
using Parley.Api.Tests.Support;
using Parley.Core.Tests.Markup;

namespace Parley.Api.Tests;

/// <summary>
/// The XSS corpus (tests/fixtures/xss-vectors.json) sent through the API as comment text, author and
/// website: whatever is stored, every way it comes back out (the /new answer, the thread, the owner's
/// view, the Atom feed, and a client's <c>&lt;a href="{website}"&gt;{author}&lt;/a&gt;</c>) is inert.
/// </summary>
public sealed class XssOverApiTests
{
    private static readonly string[] Vectors =
        JsonSerializer.Deserialize<string[]>(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "fixtures", "xss-vectors.json")))!;

    private static Task<TestApp> StartAsync() => TestApp.StartAsync(cfg => cfg with
    {
        Guard = cfg.Guard with { Enabled = false },
        Rss = cfg.Rss with { Base = "https://blog.example.tld/" },
    });

    [Fact]
    public void TheCorpusHasAtLeast120Vectors() => Assert.True(Vectors.Length >= 120, $"{Vectors.Length} vectors");

    [Fact]
    public async Task XssVectorsAsCommentTextAreRenderedInertEverywhereTheTextIsServed()
    {
        await using var app = await StartAsync();
        var findings = new List<string>();
        for (var i = 0; i < Vectors.Length; i++)
        {
            var created = await CreateAsync(app, $"/xss/text/{i}", new Dictionary<string, string?> { ["text"] = Vectors[i] });
            if (created is null)
            {
                if (!Vectors[i].Contains('\0', StringComparison.Ordinal))
                {
                    findings.Add($"#{i} {Vectors[i]}: refused");
                }
                continue;
            }
            findings.AddRange(await InertEverywhereAsync(app, i, created));
        }
        Assert.True(findings.Count == 0, string.Join("\n", findings));
    }

    [Fact]
    public async Task XssVectorsAsAuthorAreStoredEscapedAndInertInAClientTemplate()
    {
        await using var app = await StartAsync();
        var findings = new List<string>();
        for (var i = 0; i < Vectors.Length; i++)
        {
            var created = await CreateAsync(app, $"/xss/author/{i}",
                new Dictionary<string, string?> { ["text"] = "A comment with a hostile author", ["author"] = Vectors[i] });
            if (created is null)
            {
                if (!Vectors[i].Contains('\0', StringComparison.Ordinal))
                {
                    findings.Add($"#{i} {Vectors[i]}: refused");
                }
                continue;
            }
            findings.AddRange(await InertEverywhereAsync(app, i, created));
        }
        Assert.True(findings.Count == 0, string.Join("\n", findings));
    }

    [Fact]
    public async Task XssVectorsAsWebsiteAreRefusedOrStoredEscapedAsAnHttpLink()
    {
        await using var app = await StartAsync();
        var findings = new List<string>();
        var accepted = 0;
        for (var i = 0; i < Vectors.Length; i++)
        {
            var created = await CreateAsync(app, $"/xss/website/{i}",
                new Dictionary<string, string?> { ["text"] = "A comment with a hostile website", ["author"] = "Mallory", ["website"] = Vectors[i] },
                refusalAllowed: true);
            if (created is null)
            {
                continue;
            }
            accepted++;
            findings.AddRange(await InertEverywhereAsync(app, i, created));
        }
        Assert.True(findings.Count == 0, $"{accepted} vectors accepted as website:\n" + string.Join("\n", findings));
    }

    private sealed record Created(long Id, string Uri, string Cookie, JsonElement Answer);

    // 201 with the comment, or null for a 400 from validation (allowed only where the caller says so).
    private static async Task<Created?> CreateAsync(TestApp app, string uri, Dictionary<string, string?> fields, bool refusalAllowed = false)
    {
        fields["title"] = "XSS";
        using var client = app.NewClient(cookies: false);
        using var response = await client.PostAsync(new Uri("/new?uri=" + Uri.EscapeDataString(uri), UriKind.Relative), TestApp.Json(JsonSerializer.Serialize(fields)));
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode == HttpStatusCode.BadRequest && refusalAllowed)
        {
            return null;
        }
        if (response.StatusCode == HttpStatusCode.BadRequest && fields.Values.Any(v => v?.Contains('\0', StringComparison.Ordinal) == true))
        {
            // A NUL is refused by name before anything is stored: inert too.
            Assert.Contains("contains an invalid character (U+0000)", body, StringComparison.Ordinal);
            return null;
        }
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{uri}: {(int)response.StatusCode} {body}");
        using var document = JsonDocument.Parse(body);
        var cookie = response.Headers.GetValues("Set-Cookie").First();
        return new Created(document.RootElement.GetProperty("id").GetInt64(), uri, cookie[..cookie.IndexOf(';', StringComparison.Ordinal)], document.RootElement.Clone());
    }

    private static async Task<List<string>> InertEverywhereAsync(TestApp app, int index, Created created)
    {
        var findings = new List<string>();
        void Check(string where, string? html)
        {
            if (html is not null && ExecutableContent.Find(html) is { Count: > 0 } found)
            {
                findings.Add($"#{index} {Vectors[index]}: {where} {html} → {string.Join(", ", found)}");
            }
        }

        Check("text of the /new answer", created.Answer.GetProperty("text").GetString());
        CheckPerson("the /new answer", created.Answer, index, findings);

        using var client = app.NewClient(cookies: false);
        using (var thread = JsonDocument.Parse(await client.GetStringAsync(new Uri("/?uri=" + Uri.EscapeDataString(created.Uri), UriKind.Relative))))
        {
            var served = thread.RootElement.GetProperty("replies").EnumerateArray().Single();
            Assert.Equal(created.Id, served.GetProperty("id").GetInt64());
            Check("text of GET /", served.GetProperty("text").GetString());
            CheckPerson("GET /", served, index, findings);
        }

        using (var view = new HttpRequestMessage(HttpMethod.Get, $"/id/{created.Id}?plain=0"))
        {
            view.Headers.Add("Cookie", created.Cookie);
            using var viewed = await client.SendAsync(view);
            Assert.Equal(HttpStatusCode.OK, viewed.StatusCode);
            using var own = JsonDocument.Parse(await viewed.Content.ReadAsStringAsync());
            Check("text of GET /id/N?plain=0", own.RootElement.GetProperty("text").GetString());
            CheckPerson("GET /id/N", own.RootElement, index, findings);
        }

        var feed = XDocument.Parse(await client.GetStringAsync(new Uri("/feed?uri=" + Uri.EscapeDataString(created.Uri), UriKind.Relative)));
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var entry = feed.Root!.Elements(atom + "entry").Single();
        // XElement.Value is the unescaped text a feed reader hands to its HTML renderer.
        Check("Atom content", entry.Element(atom + "content")!.Value);
        Check("Atom author name", entry.Element(atom + "author")!.Element(atom + "name")!.Value);

        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = app.DbPath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var select = connection.CreateCommand();
        select.CommandText = "SELECT author, website FROM comments WHERE id = $id";
        select.Parameters.AddWithValue("$id", created.Id);
        using var row = select.ExecuteReader();
        Assert.True(row.Read());
        CheckPerson("the stored row", row.IsDBNull(0) ? null : row.GetString(0), row.IsDBNull(1) ? null : row.GetString(1), index, findings);
        return findings;
    }

    private static void CheckPerson(string where, JsonElement comment, int index, List<string> findings) =>
        CheckPerson(where, comment.GetProperty("author").GetString(), comment.GetProperty("website").GetString(), index, findings);

    // Author is escaped for & < > (quotes are left, as Isso does: they are harmless in element text);
    // website for & < > " ' and always an http(s) URL, so both can go into a client's template as they are.
    private static void CheckPerson(string where, string? author, string? website, int index, List<string> findings)
    {
        var prefix = $"#{index} {Vectors[index]}: {where}";
        if (author is not null && author.AsSpan().IndexOfAny('<', '>') >= 0)
        {
            findings.Add($"{prefix}: raw < or > in author {author}");
        }
        if (website is not null && website.AsSpan().IndexOfAny("<>\"'") >= 0)
        {
            findings.Add($"{prefix}: raw markup character in website {website}");
        }
        if (website is not null && !website.StartsWith("http://", StringComparison.Ordinal) && !website.StartsWith("https://", StringComparison.Ordinal))
        {
            findings.Add($"{prefix}: website without an http(s) scheme {website}");
        }
        var html = $"<a href=\"{website ?? ""}\">{author ?? ""}</a>";
        if (ExecutableContent.Find(html) is { Count: > 0 } found)
        {
            findings.Add($"{prefix}: template {html} → {string.Join(", ", found)}");
        }
        var parsed = new HtmlParser().ParseDocument("<body>" + html);
        var links = parsed.Body!.QuerySelectorAll("a");
        var href = links.Length > 0 ? links[0].GetAttribute("href") ?? "" : "";
        if (website is not null && !href.StartsWith("http://", StringComparison.Ordinal) && !href.StartsWith("https://", StringComparison.Ordinal))
        {
            findings.Add($"{prefix}: template href is not an http(s) URL: {href}");
        }
        if (links.Length != 1 || parsed.Body.Children.Length != 1)
        {
            findings.Add($"{prefix}: template does not parse to one link: {parsed.Body.InnerHtml}");
        }
    }
}
