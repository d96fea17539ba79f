using Parley.Core.Config;

namespace Parley.Core.Tests.Config;

public class ConfigReaderTests
{
    private static ConfigResult Read(string text, Func<string, string?>? environment = null) =>
        ConfigReader.Read(IniFile.Parse(text), environment ?? (_ => null));

    private static string ErrorText(ConfigResult result) => Assert.Single(result.Errors).ToString();

    [Theory]
    [InlineData("1", true)]
    [InlineData("YES", true)]
    [InlineData("True", true)]
    [InlineData("on", true)]
    [InlineData("0", false)]
    [InlineData("no", false)]
    [InlineData("FALSE", false)]
    [InlineData("Off", false)]
    public void BooleansAcceptConfigparserWords(string value, bool expected)
    {
        var result = Read($"[admin]\nenabled = {value}\n");

        Assert.Empty(result.Errors);
        Assert.Equal(expected, result.Config.Admin.Enabled);
    }

    [Fact]
    public void InvalidBooleanNamesSectionAndKey()
    {
        Assert.Equal(
            "[guard] enabled: \"maybe\" is not a boolean (use true or false, yes or no, on or off, 1 or 0)",
            ErrorText(Read("[guard]\nenabled = maybe\n")));
    }

    [Fact]
    public void IntegerKeysAcceptTimeSpans()
    {
        var result = Read("[general]\nmax-age = 1h\n[moderation]\npurge-after = 2w\n[guard]\nratelimit = 5\n[rss]\nlimit = 50\n[smtp]\ntimeout = 1m\n");

        Assert.Empty(result.Errors);
        Assert.Equal(3600, result.Config.General.MaxAge);
        Assert.Equal(1209600, result.Config.Moderation.PurgeAfter);
        Assert.Equal(5, result.Config.Guard.RateLimit);
        Assert.Equal(50, result.Config.Rss.Limit);
        Assert.Equal(60, result.Config.Smtp.Timeout);
    }

    [Fact]
    public void EventRetentionDefaultsToNinetyDaysAndTakesATimeSpan()
    {
        Assert.Equal(90 * 86400, Read("").Config.Events.Retention);
        var result = Read("[events]\nretention = 30d\n");
        Assert.Empty(result.Errors);
        Assert.Empty(result.Warnings);
        Assert.Equal(30 * 86400, result.Config.Events.Retention);
        Assert.Equal("[events] retention: 0 must be at least 1", ErrorText(Read("[events]\nretention = 0\n")));
    }

    [Fact]
    public void InvalidNumberNamesSectionAndKey()
    {
        Assert.Equal(
            "[general] max-age: \"abc\" is not a number or time span (like 15m or 1h30m)",
            ErrorText(Read("[general]\nmax-age = abc\n")));
    }

    [Theory]
    [InlineData("[general]\nmax-age = -1\n", "[general] max-age: -1 must not be negative")]
    [InlineData("[guard]\ndirect-reply = -3\n", "[guard] direct-reply: -3 must not be negative")]
    [InlineData("[moderation]\npurge-after = 0\n", "[moderation] purge-after: 0 must be at least 1")]
    [InlineData("[smtp]\nport = 70000\n", "[smtp] port: 70000 is not a port number (1 to 65535)")]
    [InlineData("[smtp]\ntimeout = 0\n", "[smtp] timeout: 0 must be at least 1")]
    [InlineData("[rss]\nlimit = -10\n", "[rss] limit: -10 must not be negative")]
    public void NumbersOutOfRangeAreErrors(string text, string error)
    {
        Assert.Equal(error, ErrorText(Read(text)));
    }

    [Fact]
    public void AllErrorsAreCollected()
    {
        var result = Read("[general]\nmax-age = x\ngravatar = x\n[smtp]\nport = x\nsecurity = tls\n[markup]\nrenderer = commonmark\n[hash]\nalgorithm = md4\n[server]\nlisten = https://x\nsamesite = sometimes\n");

        Assert.Equal(
            ["[general] gravatar", "[general] max-age", "[hash] algorithm", "[markup] renderer", "[server] listen", "[server] samesite", "[smtp] port", "[smtp] security"],
            result.Errors.Select(e => $"[{e.Section}] {e.Key}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ParseProblemsAreErrors()
    {
        var result = Read("[general]\nname = a\nname = b\n[general]\n[smtp]\npassword\n");

        Assert.Equal([3, 4, 6], result.Errors.Select(e => e.Line ?? 0));
    }

    [Fact]
    public void CommaListsSplitOnCommasAndLineListsOnLines()
    {
        var result = Read("[general]\nnotify = stdout , smtp,\nhost = https://a, https://b\n    https://c\n\n    https://d\n[markup]\nallowed-elements = img,, table\n[server]\ntrusted-proxies =\n  10.0.0.1\n  10.0.0.2\n");

        Assert.Equal(["stdout", "smtp"], result.Config.General.Notify);
        Assert.Equal(["https://a, https://b", "https://c", "https://d"], result.Config.General.Host);
        Assert.Equal(["img", "table"], result.Config.Markup.AllowedElements);
        Assert.Equal(["10.0.0.1", "10.0.0.2"], result.Config.Server.TrustedProxies);
    }

    [Fact]
    public void VariablesAreExpandedInEveryValue()
    {
        var environment = new Dictionary<string, string> { ["SMTP_PASSWORD"] = "s3cret", ["SITE"] = "https://example.tld", ["AGE"] = "1h" };
        var result = Read("[smtp]\npassword = $SMTP_PASSWORD\n[general]\nhost = ${SITE}/blog\n  $UNDEFINED\nmax-age = $AGE\n",
            name => environment.GetValueOrDefault(name));

        Assert.Empty(result.Errors);
        Assert.Equal("s3cret", result.Config.Smtp.Password);
        Assert.Equal(["https://example.tld/blog", "$UNDEFINED"], result.Config.General.Host);
        Assert.Equal(3600, result.Config.General.MaxAge);
    }

    [Fact]
    public void DbPathExpandsHomeFromTheEnvironment()
    {
        var result = Read("[general]\ndbpath = ~/isso/comments.db\n", name => name == "HOME" ? "/home/me" : null);

        Assert.Equal("/home/me/isso/comments.db", result.Config.General.DbPath);
    }

    [Fact]
    public void UnknownKeysAndSectionsAreWarnings()
    {
        var result = Read("[general]\ncolour = blue\n[plugins]\nfoo = bar\n");

        Assert.Empty(result.Errors);
        Assert.Equal(["no such option: [general] colour", "no such option: [plugins] foo"], result.Warnings);
    }

    [Fact]
    public void LegacyKeysWarnWithTheirReplacement()
    {
        var result = Read("[server]\nhost = localhost\nport = 8080\n[smtp]\nssl = on\n[general]\nsession-key = abc\n");

        Assert.Empty(result.Errors);
        Assert.Collection(result.Warnings,
            w => Assert.Equal("no such option: [server] host (use `listen = http://HOST:PORT` instead)", w),
            w => Assert.Equal("no such option: [server] port (use `listen = http://HOST:PORT` instead)", w),
            w => Assert.Equal("no such option: [smtp] ssl (use `security = none | starttls | ssl` instead)", w),
            w => Assert.StartsWith("no such option: [general] session-key (the session key is now stored in the database", w, StringComparison.Ordinal));
        Assert.Equal("abc", result.Config.General.SessionKey);
    }

    [Fact]
    public void UnknownNotificationBackendIsAWarning()
    {
        var result = Read("[general]\nnotify = stdout, SMTP, pigeon\n");

        Assert.Equal(["[general] notify: unknown notification backend \"pigeon\""], result.Warnings);
    }

    [Theory]
    [InlineData("", "Ich schrei sonst! <>")]
    [InlineData("isso@example.tld", "Ich schrei sonst! <isso@example.tld>")]
    [InlineData("<isso@example.tld>", "Ich schrei sonst! <isso@example.tld>")]
    [InlineData("Isso <isso@example.tld>", "Isso <isso@example.tld>")]
    [InlineData("\"Blog Comments\" <isso@example.tld>", "\"Blog Comments\" <isso@example.tld>")]
    public void SmtpFromGetsADisplayNameWhenItHasNone(string from, string expected)
    {
        Assert.Equal(expected, Read($"[smtp]\nfrom = {from}\n").Config.Smtp.From);
    }

    [Fact]
    public void PublicEndpointLosesTrailingSlashesWithAWarning()
    {
        var result = Read("[server]\npublic-endpoint = https://comments.example.tld/isso//\n");

        Assert.Equal("https://comments.example.tld/isso", result.Config.Server.PublicEndpoint);
        Assert.Equal(["[server] public-endpoint ends with a slash; using \"https://comments.example.tld/isso\""], result.Warnings);
    }

    [Theory]
    [InlineData("http://localhost:1234/")]
    [InlineData("HTTP://0.0.0.0")]
    [InlineData("http://[::1]:8080")]
    [InlineData("unix:///run/isso.sock")]
    public void ListenAcceptsHttpAndUnix(string listen)
    {
        Assert.Empty(Read($"[server]\nlisten = {listen}\n").Errors);
    }

    [Theory]
    [InlineData("https://localhost:8080", "must start with http:// or unix://")]
    [InlineData("localhost:8080", "must start with http:// or unix://")]
    [InlineData("http://localhost:port", "has no valid port number")]
    [InlineData("http://:8080", "names no host")]
    [InlineData("unix://", "names no socket path")]
    public void ListenRejectsOtherShapes(string listen, string message)
    {
        Assert.Contains(message, ErrorText(Read($"[server]\nlisten = {listen}\n")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("pbkdf2")]
    [InlineData("pbkdf2:4096")]
    [InlineData("pbkdf2:1000:6:sha1")]
    [InlineData("pbkdf2:1000:32:sha256")]
    [InlineData("none")]
    [InlineData("md5")]
    [InlineData("sha512")]
    public void HashAlgorithmAcceptsKnownShapes(string algorithm)
    {
        Assert.Empty(Read($"[hash]\nalgorithm = {algorithm}\n").Errors);
    }

    [Theory]
    [InlineData("pbkdf2:x")]
    [InlineData("pbkdf2:1000:6:whirlpool")]
    [InlineData("pbkdf2:0")]
    [InlineData("pbkdf2:1:2:sha1:extra")]
    [InlineData("bcrypt")]
    public void HashAlgorithmRejectsOthers(string algorithm)
    {
        Assert.StartsWith("[hash] algorithm: ", ErrorText(Read($"[hash]\nalgorithm = {algorithm}\n")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("none")]
    [InlineData("LAX")]
    [InlineData("Strict")]
    public void SameSiteIsCaseInsensitiveAndKeptAsWritten(string value)
    {
        var result = Read($"[server]\nsamesite = {value}\n");

        Assert.Empty(result.Errors);
        Assert.Equal(value, result.Config.Server.SameSite);
    }

    [Fact]
    public void EnumerationErrorsListTheChoices()
    {
        Assert.Equal("[smtp] security: \"tls\" is not one of none, starttls, ssl", ErrorText(Read("[smtp]\nsecurity = tls\n")));
        Assert.Equal("[markup] renderer: \"commonmark\" is not one of mistune, misaka", ErrorText(Read("[markup]\nrenderer = commonmark\n")));
    }

    [Fact]
    public void MisakaSettingsFallBackToLegacyMarkupKeysWhenEmpty()
    {
        var result = Read("[markup]\noptions = tables, autolink\nflags = hard-wrap\n[markup.misaka]\noptions =\n");

        Assert.Equal(["tables", "autolink"], result.Config.Markup.MisakaOptions);
        Assert.Equal(["hard-wrap"], result.Config.Markup.MisakaFlags);
        Assert.Contains("no such option: [markup] options (use `[markup.misaka] options` instead)", result.Warnings);
    }

    [Fact]
    public void DefaultSectionIsAFallbackBehindBuiltInDefaults()
    {
        // configparser consults [DEFAULT] only for keys no section (built-in defaults included) sets.
        var result = Read("[DEFAULT]\nmax-age = 1h\nsession-key = from-default\n");

        Assert.Equal(900, result.Config.General.MaxAge);
        Assert.Equal("from-default", result.Config.General.SessionKey);
    }

    [Fact]
    public void EmptyHostIsNotAReaderError()
    {
        Assert.Empty(Read("[general]\nhost =\n").Errors);
    }

    [Fact]
    public void TrustedProxiesTakeAddressesAndRangesOfBothFamilies()
    {
        var result = Read("[server]\ntrusted-proxies =\n    10.0.0.1\n    172.16.0.0/12\n    fd00::/8\n    ::ffff:192.0.2.1\n");

        Assert.Empty(result.Errors);
        Assert.Equal(["10.0.0.1", "172.16.0.0/12", "fd00::/8", "::ffff:192.0.2.1"], result.Config.Server.TrustedProxies);
    }

    [Fact]
    public void EveryBadTrustedProxyIsNamedWithTheKey()
    {
        var result = Read("[server]\ntrusted-proxies =\n    10.0.0.1\n    caddy\n    172.17.0.1/12\n");

        Assert.Equal(
            [
                "[server] trusted-proxies: \"caddy\" is not an IP address or CIDR range (like 10.0.0.1, 172.16.0.0/12 or fd00::/8)",
                "[server] trusted-proxies: \"172.17.0.1/12\" has address bits set after the /12; the range starting there is 172.16.0.0/12",
            ],
            result.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void MetricsAreOffUnlessAllowedAndEveryBadEntryIsNamed()
    {
        Assert.Empty(Read("").Config.Server.MetricsAllow);

        var allowed = Read("[server]\nmetrics-allow =\n    127.0.0.1\n    10.0.0.0/24\n");
        Assert.Empty(allowed.Errors);
        Assert.Equal(["127.0.0.1", "10.0.0.0/24"], allowed.Config.Server.MetricsAllow);

        var refused = Read("[server]\nmetrics-allow = prometheus\n");
        Assert.Equal(
            ["[server] metrics-allow: \"prometheus\" is not an IP address or CIDR range (like 10.0.0.1, 172.16.0.0/12 or fd00::/8)"],
            refused.Errors.Select(e => e.ToString()));
    }
}
