using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using Parley.Api.Tests.Support;

namespace Parley.Api.Tests;

/// <summary>
/// Thousands of generated malformed or unauthorised requests across every endpoint: none may crash the
/// server (5xx), every refusal explains itself, and the stored comments and threads stay byte-for-byte the same.
/// </summary>
public sealed class MalformedRequestTests
{
    private const int Seed = 20261121;
    private const int RequestCount = 2400;
    private const string Thread = "/fuzz/thread/";

    private sealed record FuzzRequest(string Method, string Path, byte[]? Body, string? ContentType, IReadOnlyList<(string Name, string Value)> Headers)
    {
        public string Describe()
        {
            var body = Body is null ? "no body" : Body.Length > 160
                ? $"{Body.Length} bytes: {Printable(Body.AsSpan(0, 160))}…"
                : $"{Body.Length} bytes: {Printable(Body)}";
            var headers = string.Join("; ", Headers.Select(h => $"{h.Name}: {Cut(h.Value)}"));
            return $"{Method} {Cut(Path)} [Content-Type: {ContentType ?? "(none)"}] [{headers}] {body}";
        }

        private static string Printable(ReadOnlySpan<byte> bytes) =>
            new(Encoding.UTF8.GetString(bytes).Select(c => char.IsControl(c) ? '·' : c).ToArray());

        private static string Cut(string s) => s.Length > 200 ? s[..200] + $"…({s.Length})" : s;
    }

    private sealed record Seeded(long[] Ids, Dictionary<long, string> Tokens);

    [Fact]
    public async Task MalformedRequestsNeverCrashExplainEveryRefusalAndChangeNoStoredComment()
    {
        await using var app = await TestApp.StartAsync(cfg => cfg with
        {
            Guard = cfg.Guard with { Enabled = false },
            Rss = cfg.Rss with { Base = "https://blog.example.tld/" },
            General = cfg.General with { LatestEnabled = true },
            // On, so that the sign-in form is read and checked, not answered with the "disabled" page.
            Admin = cfg.Admin with { Enabled = true, Password = "a fuzzing password" },
        });
        var seeded = await SeedAsync(app);
        // Every genuine ownership cookie is now past its edit window: replaying one is an expired cookie.
        app.Clock.Advance(TimeSpan.FromSeconds(app.Config.General.MaxAge + 60));
        var before = DatabaseSnapshot.Read(app.DbPath, "threads", "comments");
        Assert.NotEmpty(before);

        var random = new Random(Seed);
        var generators = Generators(seeded);
        var requests = Enumerable.Range(0, RequestCount).Select(i => generators[i % generators.Length](random)).ToList();

        var offenders = new ConcurrentBag<string>();
        using var client = app.NewClient(cookies: false);
        await Parallel.ForEachAsync(requests.Select((r, i) => (r, i)), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (item, ct) =>
        {
            var (request, index) = item;
            try
            {
                using var message = ToMessage(request);
                using var response = await client.SendAsync(message, ct);
                var status = (int)response.StatusCode;
                var body = await response.Content.ReadAsByteArrayAsync(ct);
                if (status >= 500)
                {
                    offenders.Add($"#{index} → {status}: {request.Describe()}");
                }
                else if (status >= 400 && body.Length == 0 && request.Method != "HEAD")
                {
                    offenders.Add($"#{index} → {status} with an empty body: {request.Describe()}");
                }
            }
            catch (HttpRequestException e)
            {
                offenders.Add($"#{index} → transport failure {e.Message}: {request.Describe()}");
            }
        });

        Assert.True(offenders.IsEmpty,
            $"Seed {Seed}: {offenders.Count} of {RequestCount} requests failed:\n" + string.Join("\n", offenders.OrderBy(o => int.Parse(o[1..o.IndexOf(' ', StringComparison.Ordinal)], CultureInfo.InvariantCulture)).Take(60)));
        var after = DatabaseSnapshot.Read(app.DbPath, "threads", "comments");
        Assert.True(before.SequenceEqual(after),
            $"Seed {Seed}: stored comments or threads changed.\nBefore:\n{string.Join("\n", before)}\nAfter:\n{string.Join("\n", after)}");
    }

    // Two top-level comments with replies, a second thread, a vote, and a deleted-but-referenced placeholder.
    private static async Task<Seeded> SeedAsync(TestApp app)
    {
        using var client = app.NewClient(cookies: false);
        var tokens = new Dictionary<long, string>();
        async Task<long> Post(string uri, string json)
        {
            using var response = await client.PostAsync(new Uri("/new?uri=" + Uri.EscapeDataString(uri), UriKind.Relative), TestApp.Json(json));
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            using var document = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            var id = document.RootElement.GetProperty("id").GetInt64();
            var cookie = response.Headers.GetValues("Set-Cookie").First();
            tokens[id] = cookie[(cookie.IndexOf('=', StringComparison.Ordinal) + 1)..cookie.IndexOf(';', StringComparison.Ordinal)];
            return id;
        }
        var first = await Post(Thread, """{"text": "First **top-level** comment", "author": "Ann <b>", "email": "ann@example.org", "website": "example.org/ann", "notification": 1, "title": "Fuzz"}""");
        var second = await Post(Thread, """{"text": "Second top-level comment", "author": "Bob", "title": "Fuzz"}""");
        var reply = await Post(Thread, $$"""{"text": "A reply to the first", "parent": {{first}}, "author": "Cy"}""");
        var other = await Post(Thread, $$"""{"text": "A reply to the second", "parent": {{second}}, "website": "https://example.net/"}""");
        var elsewhere = await Post("/fuzz/other/", """{"text": "Another thread's comment", "author": "Dee", "title": "Other"}""");

        using (var like = new HttpRequestMessage(HttpMethod.Post, $"/id/{second}/like"))
        {
            like.Headers.Add("X-Forwarded-For", "203.0.113.9");
            using var liked = await client.SendAsync(like);
            Assert.Contains("\"likes\":1", await liked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        using (var delete = new HttpRequestMessage(HttpMethod.Delete, $"/id/{first}"))
        {
            delete.Headers.Add("Cookie", $"{first}={tokens[first]}");
            using var deleted = await client.SendAsync(delete);
            Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        }
        return new Seeded([first, second, reply, other, elsewhere], tokens);
    }

    // Kestrel itself refuses request lines over 8 KiB and a NUL in the path (400, no body) before the app
    // sees them; those refusals are the server's, not Parley's, so the generated paths stay clear of both.
    private static string Capped(string target)
    {
        var query = target.IndexOf('?', StringComparison.Ordinal);
        var path = query < 0 ? target : target[..query];
        path = path.Replace("%00", "%01", StringComparison.Ordinal) + (query < 0 ? "" : target[query..]);
        if (path.Length <= 7000)
        {
            return path;
        }
        var cut = path[..7000];
        var percent = cut.LastIndexOf('%');
        return percent >= cut.Length - 2 ? cut[..percent] : cut;
    }

    private static HttpRequestMessage ToMessage(FuzzRequest request)
    {
        var message = new HttpRequestMessage(new HttpMethod(request.Method), new Uri(Capped(request.Path), UriKind.Relative));
        if (request.Body is not null)
        {
            message.Content = new ByteArrayContent(request.Body);
        }
        if (request.ContentType is not null)
        {
            message.Content ??= new ByteArrayContent([]);
            Assert.True(message.Content.Headers.TryAddWithoutValidation("Content-Type", request.ContentType), request.ContentType);
        }
        foreach (var (name, value) in request.Headers)
        {
            Assert.True(message.Headers.TryAddWithoutValidation(name, value), name);
        }
        return message;
    }

    // ---- generators: each returns a request that is malformed or unauthorised by construction ----

    private static Func<Random, FuzzRequest>[] Generators(Seeded seeded) =>
    [
        r => FetchWithGarbageQuery(r),
        r => NewWithBrokenJson(r),
        r => NewWithAPoisonedField(r),
        r => NewWithHugeOrBinaryBody(r),
        r => NewFromACrossSiteForm(r),
        r => NewWithoutUri(r),
        r => EditOrDeleteWithoutAValidCookie(r, seeded),
        r => ViewWithoutAValidCookie(r, seeded),
        r => CommentWithAnImpossibleId(r),
        r => VoteThatCannotCount(r, seeded),
        r => CountWithGarbage(r),
        r => PreviewWithGarbage(r),
        r => FeedOrLatestWithBadLimits(r),
        r => ModerationWithAForgedKey(r, seeded),
        r => UnsubscribeWithAForgedKey(r, seeded),
        r => UnknownMethodOnAnyPath(r, seeded),
        r => ReadWithGarbageHeaders(r),
        r => AdminAndLoginWithGarbage(r),
    ];

    private static readonly string[] AllPaths =
    [
        "/", "/new", "/count", "/feed", "/latest", "/preview", "/config", "/info", "/id/1", "/id/2", "/id/2/like",
        "/id/2/dislike", "/id/1/activate/x", "/id/1/edit/x", "/id/1/delete/x", "/id/1/unsubscribe/a%40b.c/x",
        "/demo/", "/demo", "/admin/", "/admin", "/login/", "/login", "/js/embed.min.js", "/css/isso.css", "/nope",
    ];

    private static readonly string[] GarbageValues =
    [
        "", " ", "0", "-1", "-0", "+1", "1.5", "1e3", "0x10", "NaN", "Infinity", "-Infinity", "9223372036854775807",
        "9223372036854775808", "-9223372036854775809", "99999999999999999999999999999999999999", "١٢٣", "１２",
        "null", "true", "[]", "{}", "%", "%zz", "%00", "\0", "'; DROP TABLE comments; --", "<script>alert(1)</script>",
        "../../etc/passwd", "😀", "\ud83d", "é", "\u202e", "a\r\nb", "\t", "oldest ", "OLDEST", "newest,oldest",
    ];

    private static string Garbage(Random r)
    {
        return r.Next(6) switch
        {
            0 => Sane(GarbageValues[r.Next(GarbageValues.Length)]),
            1 => new string((char)r.Next(0x20, 0x7f), r.Next(1, 3000)),
            2 => r.NextInt64(long.MinValue, long.MaxValue).ToString(CultureInfo.InvariantCulture),
            3 => string.Concat(Enumerable.Range(0, r.Next(1, 40)).Select(_ => (char)r.Next(0, 0x3000))),
            4 => Sane(GarbageValues[r.Next(GarbageValues.Length)] + GarbageValues[r.Next(GarbageValues.Length)]),
            _ => r.NextDouble().ToString("R", CultureInfo.InvariantCulture),
        };
    }

    // Encodes like a browser would, but sometimes leaves invalid UTF-8 escapes in place.
    private static string Encode(Random r, string value)
    {
        var escaped = Uri.EscapeDataString(Sane(value));
        return r.Next(5) switch
        {
            0 => escaped + "%FF%FE",
            1 => "%C3%28" + escaped,
            2 => escaped + "%E2%82",
            _ => escaped,
        };
    }

    // Lone surrogates become U+FFFD, as any UTF-8 encoder would send them.
    private static string Sane(string value) => Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(value));

    private static string Query(Random r, bool withUri)
    {
        var names = new[] { "uri", "sort", "limit", "offset", "parent", "nested_limit", "after", "plain", "title", "id", "" };
        var parts = new List<string>();
        if (withUri)
        {
            parts.Add("uri=" + (r.Next(3) == 0 ? Encode(r, Garbage(r)) : Uri.EscapeDataString(Thread)));
        }
        for (var i = r.Next(0, 7); i > 0; i--)
        {
            var name = names[r.Next(names.Length)];
            parts.Add(r.Next(8) == 0 ? name : name + "=" + Encode(r, Garbage(r)));
        }
        return string.Join("&", parts.OrderBy(_ => r.Next()));
    }

    private static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);

    private static string JsonString(string s) => System.Text.Json.JsonSerializer.Serialize(s);

    private static readonly string[] WrongTypes =
    [
        "0", "-1", "1.5", "1e400", "true", "false", "[]", "[\"text\"]", "{}", "{\"text\": \"nested text\"}",
        "[[[[[[[[[[\"deep\"]]]]]]]]]]", "{\"a\": {\"b\": {\"c\": [1, 2, {\"d\": null}]}}}", "99999999999999999999999",
    ];

    private static string AnyJsonValue(Random r) => r.Next(4) switch
    {
        0 => WrongTypes[r.Next(WrongTypes.Length)],
        1 => "null",
        2 => JsonString(Garbage(r)),
        _ => JsonString("a perfectly fine value"),
    };

    // GET / with garbage, huge, negative, unicode and repeated parameters (and sometimes no uri at all).
    private static FuzzRequest FetchWithGarbageQuery(Random r) =>
        new("GET", "/?" + Query(r, withUri: r.Next(5) != 0), null, null, RandomHeaders(r));

    private static readonly string[] BrokenJson =
    [
        "", " ", "{", "}", "[", "{\"text\": ", "{\"text\": \"unterminated", "{'text': 'single quotes'}", "{text: 1}",
        "{\"text\": \"ok text\",}", "{\"text\": NaN}", "{\"text\": Infinity}", "nul", "tru", "{\"text\": \"a\" \"b\"}",
        "\"just a string", "{\"text\": \"x\"}}", "{\"text\": \"\\x41\"}", "{\"text\": \"\\u12\"}", "\u00ef\u00bb\u00bf{}",
        "{\"text\": \"ctl\u0001char\"}", "/* comment */ {}", "{\"a\":1}{\"b\":2}", "[1,2", "{\"text\": 01}",
    ];

    private static FuzzRequest NewWithBrokenJson(Random r) =>
        new("POST", "/new?uri=" + Uri.EscapeDataString(Thread), Utf8(BrokenJson[r.Next(BrokenJson.Length)]), JsonType(r), RandomHeaders(r));

    private static string? JsonType(Random r) => r.Next(4) switch
    {
        0 => null,
        1 => "application/json; charset=utf-8",
        2 => "application/json5",
        _ => "application/json",
    };

    // A JSON object in which at least one accepted field is invalid, so validation must refuse it.
    private static FuzzRequest NewWithAPoisonedField(Random r)
    {
        var fine = new Dictionary<string, string>
        {
            ["text"] = JsonString("Some perfectly reasonable text"),
            ["author"] = JsonString("Eve"),
            ["email"] = JsonString("eve@example.org"),
            ["website"] = JsonString("https://example.org/"),
            ["parent"] = "null",
            ["title"] = JsonString("A title"),
            ["notification"] = "0",
        };
        var fields = fine.Where(_ => r.Next(3) != 0).Select(kv => (kv.Key, kv.Value)).ToList();
        (string Key, string Value) poison = r.Next(12) switch
        {
            0 => ("text", "null"),
            1 => ("text", WrongTypes[r.Next(WrongTypes.Length)]),
            2 => ("text", JsonString(new[] { "", "a", "ab", "ab   ", "  \n\t ", "\u00e9 " }[r.Next(6)])),
            3 => ("text", JsonString(new string('x', 65536 + r.Next(100)))),
            4 => ("parent", new[] { "\"1\"", "1.5", "true", "false", "[1]", "{}", "1e2", "99999999999999999999999" }[r.Next(8)]),
            5 => (new[] { "author", "website", "email" }[r.Next(3)], WrongTypes[r.Next(WrongTypes.Length)]),
            6 => ("email", JsonString(new string('e', 250) + "@example.org")),
            7 => ("website", JsonString(new[] { "javascript:alert(1)", "spam", "ftp://example.tld/", "example.tld/a b", "http://" + new string('w', 260) + ".com" }[r.Next(5)])),
            8 => ("text", "\"\\ud800 lone surrogate text\""),
            9 => ("text", "\"\\udfff\\ud800 reversed pair\""),
            10 => ("author", "\"\\ud83d\""),
            _ => ("text", "\"" + new string('\\', 1) + "u0000\""),
        };
        // A lone surrogate in a string is not itself a validation failure: keep a second poison beside it.
        var needsSecond = poison.Value.Contains("\\u", StringComparison.Ordinal);
        for (var extra = r.Next(0, 4); extra > 0; extra--)
        {
            fields.Insert(r.Next(fields.Count + 1), (new[] { "id", "mode", "created", "voters", "remote_addr", "likes", "", "\u00fc", "text " }[r.Next(9)], AnyJsonValue(r)));
        }
        // Duplicate keys: the last one wins, so the poison always comes after any valid copy of its key.
        fields.RemoveAll(f => f.Key == poison.Key && r.Next(2) == 0);
        fields.Add(poison);
        if (needsSecond)
        {
            fields.Add(("website", JsonString("not a website")));
        }
        var json = "{" + string.Join(", ", fields.Select(f => JsonString(f.Key) + ": " + f.Value)) + "}";
        return new("POST", "/new?uri=" + Uri.EscapeDataString(Thread), Utf8(json), JsonType(r), RandomHeaders(r));
    }

    private static FuzzRequest NewWithHugeOrBinaryBody(Random r)
    {
        byte[] body;
        switch (r.Next(6))
        {
            case 0:
                body = Utf8("{\"text\": " + JsonString(new string('a', 256 * 1024 + r.Next(1, 5000))) + "}");
                break;
            case 1:
                body = new byte[r.Next(1, 2000)];
                r.NextBytes(body);
                break;
            case 2:
                // Valid JSON shape with invalid UTF-8 inside the strings, and a second poison for safety.
                body = [.. Utf8("{\"text\": \"bad "), 0xff, 0xfe, 0xc3, 0x28, .. Utf8(" bytes here\", \"parent\": \"x\"}")];
                break;
            case 3:
                var depth = r.Next(65, 5000);
                body = Utf8("{\"text\": " + new string('[', depth) + new string(']', depth) + "}");
                break;
            case 4:
                body = [.. Utf8("{\"author\": \""), 0xed, 0xa0, 0x80, .. Utf8("\", \"text\": \"ab\"}")];
                break;
            default:
                var nest = r.Next(65, 3000);
                body = Utf8(string.Concat(Enumerable.Repeat("{\"a\":", nest)) + "1" + new string('}', nest));
                break;
        }
        return new("POST", "/new?uri=" + Uri.EscapeDataString(Thread), body, JsonType(r), RandomHeaders(r));
    }

    private static readonly string[] CrossSiteTypes =
    [
        "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "text/json", "application/xml",
        "application/jsn", "json", "*/*", "application", "text/html; charset=utf-8", "image/png", "x", ";", "application/ json",
    ];

    // A valid comment body, refused because the Content-Type says a form from another site sent it.
    private static FuzzRequest NewFromACrossSiteForm(Random r) =>
        new("POST", "/new?uri=" + Uri.EscapeDataString(Thread), Utf8("{\"text\": \"A cross-site comment\", \"author\": \"Mallory\"}"),
            CrossSiteTypes[r.Next(CrossSiteTypes.Length)], RandomHeaders(r));

    // A valid comment body without the uri parameter (or with it only under another name).
    private static FuzzRequest NewWithoutUri(Random r)
    {
        var query = new[] { "", "?", "?url=/x", "?uri_", "?%75ri_=x", "?uri%00=/x", "?" + Query(r, withUri: false).Replace("uri", "ur", StringComparison.OrdinalIgnoreCase) }[r.Next(7)];
        return new("POST", "/new" + query, Utf8("{\"text\": \"A comment without a thread\"}"), JsonType(r), RandomHeaders(r));
    }

    private static string ForgedCookie(Random r, Seeded seeded, long id)
    {
        var real = seeded.Tokens.Values.ElementAt(r.Next(seeded.Tokens.Count));
        var own = seeded.Tokens.GetValueOrDefault(id, real);
        var chars = own.ToCharArray();
        chars[r.Next(chars.Length)] = (char)r.Next('A', 'Z' + 1);
        var token = r.Next(9) switch
        {
            0 => own, // genuine, but expired: the clock moved past max-age
            1 => own[..r.Next(own.Length)],
            2 => new string(chars),
            3 => real,
            4 => Convert.ToBase64String(Utf8($"[{id}, \"{new string('0', 40)}\"]")).TrimEnd('=') + ".awF16g." + new string('A', 27),
            5 => "",
            6 => new string('z', r.Next(1, 4000)),
            7 => string.Join(".", own.Split('.').Reverse()),
            _ => Uri.EscapeDataString(Garbage(r)),
        };
        return r.Next(4) == 0 ? $"isso-{id}={token}" : $"{id}={token}; other=1";
    }

    private static long SomeId(Random r, Seeded seeded) =>
        r.Next(4) == 0 ? r.Next(0, 50) : seeded.Ids[r.Next(seeded.Ids.Length)];

    private static FuzzRequest EditOrDeleteWithoutAValidCookie(Random r, Seeded seeded)
    {
        var id = SomeId(r, seeded);
        var headers = RandomHeaders(r).ToList();
        if (r.Next(6) != 0)
        {
            headers.Add(("Cookie", ForgedCookie(r, seeded, id)));
        }
        var body = r.Next(2) == 0 ? Utf8("{\"text\": \"Edited by someone else\"}") : Utf8(BrokenJson[r.Next(BrokenJson.Length)]);
        var contentType = r.Next(5) == 0 ? CrossSiteTypes[r.Next(CrossSiteTypes.Length)] : JsonType(r);
        return new(r.Next(2) == 0 ? "PUT" : "DELETE", $"/id/{id}", body, contentType, headers);
    }

    private static FuzzRequest ViewWithoutAValidCookie(Random r, Seeded seeded)
    {
        var id = SomeId(r, seeded);
        var headers = RandomHeaders(r).ToList();
        if (r.Next(5) != 0)
        {
            headers.Add(("Cookie", ForgedCookie(r, seeded, id)));
        }
        return new("GET", $"/id/{id}?plain=" + Encode(r, Garbage(r)), null, null, headers);
    }

    private static readonly string[] ImpossibleIds =
    [
        "99999999999999999999999", "9223372036854775808", "-1", "-9223372036854775808", "abc", "1.5", "0x10", "1e3", "%20",
        "١", "%EF%BC%91", "NaN", "%01", "%FF", "..", "%2e%2e", "1;2", "1,2", "%2F", "1%2F2", "", "null", "[]",
    ];

    // /id/<huge, negative, non-numeric> with every method and suffix.
    private static FuzzRequest CommentWithAnImpossibleId(Random r)
    {
        var id = ImpossibleIds[r.Next(ImpossibleIds.Length)];
        var suffix = new[] { "", "/", "/like", "/dislike", "/activate/key", "/unsubscribe/a@b.c/key" }[r.Next(6)];
        var method = new[] { "GET", "PUT", "DELETE", "POST" }[r.Next(4)];
        return new(method, $"/id/{id}{suffix}", Utf8("{\"text\": \"Edited text\"}"), JsonType(r), RandomHeaders(r));
    }

    // Votes refused before counting: a cross-site Content-Type, or a comment that does not exist.
    private static FuzzRequest VoteThatCannotCount(Random r, Seeded seeded)
    {
        var vote = r.Next(2) == 0 ? "like" : "dislike";
        var body = r.Next(2) == 0 ? null : Utf8(Garbage(r));
        if (r.Next(2) == 0)
        {
            return new("POST", $"/id/{seeded.Ids[r.Next(seeded.Ids.Length)]}/{vote}", body, CrossSiteTypes[r.Next(CrossSiteTypes.Length)], RandomHeaders(r));
        }
        var missing = r.Next(3) switch
        {
            0 => r.NextInt64(1000, long.MaxValue).ToString(CultureInfo.InvariantCulture),
            1 => "99999999999999999999999",
            _ => "0",
        };
        return new("POST", $"/id/{missing}/{vote}", body, JsonType(r), RandomHeaders(r));
    }

    private static FuzzRequest CountWithGarbage(Random r)
    {
        var body = r.Next(14) switch
        {
            0 => "{}",
            1 => "{\"/fuzz/thread/\": 1}",
            2 => "\"/fuzz/thread/\"",
            3 => r.NextInt64().ToString(CultureInfo.InvariantCulture),
            4 => "null",
            5 => "[null, null]",
            6 => "[[\"/fuzz/thread/\"], [[[]]]]",
            7 => "[1, 2.5, true, {}, \"/fuzz/thread/\"]",
            8 => "[" + string.Join(",", Enumerable.Range(0, r.Next(1, 3000)).Select(_ => JsonString((Garbage(r) + "x")[..1]))) + "]",
            9 => "[\"\\ud800\"]",
            10 => "[" + new string('[', 200) + new string(']', 200) + "]",
            11 => BrokenJson[r.Next(BrokenJson.Length)],
            12 => "[" + JsonString(new string('u', 200_000)) + "]",
            _ => "true",
        };
        return new("POST", "/count", Utf8(body), r.Next(3) == 0 ? CrossSiteTypes[r.Next(CrossSiteTypes.Length)] : JsonType(r), RandomHeaders(r));
    }

    private static FuzzRequest PreviewWithGarbage(Random r)
    {
        var body = r.Next(12) switch
        {
            0 => "{\"text\": " + WrongTypes[r.Next(WrongTypes.Length)] + "}",
            1 => "{}",
            2 => "[\"text\"]",
            3 => "{\"text\": null}",
            4 => "{\"text\": \"\\ud800\"}",
            5 => "{\"text\": " + JsonString(new string('>', r.Next(100, 5000)) + " deep quote") + "}",
            6 => "{\"text\": " + JsonString(new string('[', r.Next(100, 5000)) + "x" + new string(']', 10)) + "}",
            7 => "{\"text\": " + JsonString(string.Concat(Enumerable.Repeat("*a _b ", r.Next(100, 3000)))) + "}",
            8 => BrokenJson[r.Next(BrokenJson.Length)],
            9 => "{\"text\": " + JsonString(string.Concat(Enumerable.Repeat("<div>", r.Next(100, 3000)))) + "}",
            10 => "{\"text\": " + JsonString(Garbage(r)) + "}",
            _ => "{\"txt\": \"misspelt\"}",
        };
        return new("POST", "/preview", Utf8(body), r.Next(3) == 0 ? CrossSiteTypes[r.Next(CrossSiteTypes.Length)] : JsonType(r), RandomHeaders(r));
    }

    private static FuzzRequest FeedOrLatestWithBadLimits(Random r)
    {
        var limit = r.Next(6) == 0 ? "" : "limit=" + Encode(r, Garbage(r));
        if (r.Next(2) == 0)
        {
            var headers = RandomHeaders(r).ToList();
            if (r.Next(3) == 0)
            {
                headers.Add((r.Next(2) == 0 ? "If-None-Match" : "If-Modified-Since", Ascii(Garbage(r))));
            }
            var uri = r.Next(4) == 0 ? "" : "uri=" + (r.Next(2) == 0 ? Uri.EscapeDataString(Thread) : Encode(r, Garbage(r))) + "&";
            return new("GET", "/feed?" + uri + limit, null, null, headers);
        }
        return new("GET", "/latest?" + limit + (r.Next(3) == 0 ? "&limit=" + Encode(r, Garbage(r)) : ""), null, null, RandomHeaders(r));
    }

    private static string Segment(Random r) => r.Next(7) switch
    {
        0 => "MQ.awF2Aw.5iAXpL9F17MripHJ8F6hmNKvnsA",
        1 => new string('k', r.Next(1, 6000)),
        2 => "%2F%2E%2E%2F" + Encode(r, Garbage(r)),
        3 => Convert.ToBase64String(Utf8($"{r.Next(0, 10)}")).TrimEnd('=') + "." + Encode(r, Garbage(r)) + ".sig",
        4 => "%FF%FE%C3%28",
        5 => "%25" + Encode(r, Garbage(r)),
        _ => Encode(r, Garbage(r)),
    };

    private static FuzzRequest ModerationWithAForgedKey(Random r, Seeded seeded)
    {
        var action = new[] { "activate", "edit", "delete", "Activate", "foo", "%61ctivate" }[r.Next(6)];
        var method = new[] { "GET", "POST", "POST", "PUT" }[r.Next(4)];
        var key = Segment(r);
        var body = method == "GET" ? null : Utf8(r.Next(2) == 0 ? "{\"text\": \"Moderated text\"}" : Garbage(r));
        var path = $"/id/{SomeId(r, seeded)}/{action}/{key}";
        return new(method, path.Length > 7000 ? path[..7000] : path, body, r.Next(4) == 0 ? CrossSiteTypes[r.Next(CrossSiteTypes.Length)] : JsonType(r), RandomHeaders(r));
    }

    private static FuzzRequest UnsubscribeWithAForgedKey(Random r, Seeded seeded)
    {
        var email = r.Next(3) == 0 ? "ann%40example.org" : Segment(r);
        var key = r.Next(3) == 0 ? "WyJ1bnN1YnNjcmliZSIsImFubkBleGFtcGxlLm9yZyJd.awF2PQ.pY76QQPkLN4iLGqjZHlkRv_vy54" : Segment(r);
        var path = $"/id/{SomeId(r, seeded)}/unsubscribe/{email}/{key}";
        return new(r.Next(5) == 0 ? "POST" : "GET", path.Length > 7000 ? path[..7000] : path, null, null, RandomHeaders(r));
    }

    private static readonly string[] OddMethods = ["PATCH", "TRACE", "PROPFIND", "MKCOL", "COPY", "LOCK", "PURGE", "FOO", "SEARCH", "REPORT"];

    private static FuzzRequest UnknownMethodOnAnyPath(Random r, Seeded seeded)
    {
        var method = OddMethods[r.Next(OddMethods.Length)];
        var path = AllPaths[r.Next(AllPaths.Length)].Replace("/2", "/" + seeded.Ids[1].ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var body = method == "TRACE" || r.Next(2) == 0 ? null : Utf8("{\"text\": \"Some text for an odd method\"}");
        return new(method, path + (r.Next(3) == 0 ? "?uri=" + Uri.EscapeDataString(Thread) : ""), body, body is null ? null : JsonType(r), RandomHeaders(r));
    }

    // Read-only requests carrying garbage in every header the edge middleware looks at.
    private static FuzzRequest ReadWithGarbageHeaders(Random r)
    {
        var headers = new List<(string, string)>();
        foreach (var name in new[] { "Origin", "Referer", "Accept", "X-Forwarded-For", "X-Forwarded-Proto", "X-Forwarded-Prefix", "X-Script-Name", "Accept-Language", "Cookie" })
        {
            if (r.Next(2) == 0)
            {
                headers.Add((name, HeaderGarbage(r, name)));
            }
        }
        var (method, path, body) = r.Next(6) switch
        {
            0 => ("GET", "/?uri=" + Uri.EscapeDataString(Thread), (byte[]?)null),
            1 => ("GET", "/config", null),
            2 => ("GET", "/info", null),
            3 => ("POST", "/count", Utf8("[\"/fuzz/thread/\", \"/nope\"]")),
            4 => ("GET", "/feed?uri=" + Uri.EscapeDataString(Thread), null),
            _ => ("GET", "/latest?limit=3", null),
        };
        return new(method, path, body, body is null ? null : "application/json", headers);
    }

    private static string HeaderGarbage(Random r, string name) => (name, r.Next(4)) switch
    {
        ("Origin" or "Referer", 0) => new[] { "https://example.tld:443", "https://example.tld:99999", "http://[::1", "://", "null", "https://", "http://a:b:c", "https://@", "https://example.tld:-1", "file:///etc" }[r.Next(10)],
        ("Accept", 0) => new[] { "application/json;q=NaN", "application/json;q=-1", "*/*;q=2, application/json", ";;;", "application/json, text/html;q=1e309", "application/json;q" }[r.Next(6)],
        ("X-Forwarded-For", 0) => new[] { "", ",,,", "999.999.999.999", "::ffff:1.2.3.4", "fe80::1%eth0", "1.2.3.4, garbage", "[::1]:80", "unknown", "2001:db8::/32", "127.0.0.1" }[r.Next(10)],
        ("X-Script-Name" or "X-Forwarded-Prefix", 0) => new[] { "/", "//", "/%2e%2e", "/a b", "/new", "/" + new string('p', 1500), "relative", "/%C3%A9" }[r.Next(8)],
        _ => Ascii(Garbage(r)),
    };

    // Header values travel as ASCII; anything else is turned into percent escapes as a careless client would.
    private static string Ascii(string s)
    {
        var value = new string(s.Select(c => c is >= ' ' and <= '~' ? c : '%').ToArray());
        return value.Length > 2000 ? value[..2000] : value;
    }

    private static FuzzRequest AdminAndLoginWithGarbage(Random r)
    {
        if (r.Next(2) == 0)
        {
            var query = string.Join("&", new[] { "page", "mode", "order_by", "asc", "comment_search_url" }.Where(_ => r.Next(2) == 0).Select(n => n + "=" + Encode(r, Garbage(r))));
            return new("GET", "/admin/?" + query, null, null, RandomHeaders(r));
        }
        var body = r.Next(3) switch
        {
            0 => Utf8("password=" + Encode(r, Garbage(r))),
            1 => Utf8(Garbage(r)),
            _ => Utf8("--x\r\nContent-Disposition: form-data; name=\"password\"\r\n\r\nwrong\r\n--x--"),
        };
        var type = new[] { "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "multipart/form-data", "application/json", null }[r.Next(5)];
        return new("POST", "/login/", body, type, RandomHeaders(r));
    }

    // Harmless on their own, garbage headers ride along with every kind of request.
    private static List<(string, string)> RandomHeaders(Random r)
    {
        var headers = new List<(string, string)>();
        if (r.Next(3) != 0)
        {
            return headers;
        }
        foreach (var name in new[] { "Origin", "Referer", "Accept", "X-Forwarded-For", "X-Forwarded-Proto" })
        {
            if (r.Next(3) == 0)
            {
                headers.Add((name, HeaderGarbage(r, name)));
            }
        }
        return headers;
    }
}
