using Parley.Core.Config;

namespace Parley.Core.Tests.Config;

public class WebhookConfigTests
{
    private static ConfigResult Read(string text) => ConfigReader.Read(IniFile.Parse(text), _ => null);

    [Fact]
    public void IssosKeysAndParleysAreRead()
    {
        var result = Read("""
            [general]
            notify = stdout, webhook
            [webhook]
            url = https://hooks.example.org/isso
                http://ci.example.org:8080/parley?token=1
            secret = s3cret
            timeout = 3
            events = comment.created, comment.deleted
            allow-private = true
            retries = 10s, 1m30s, 2h
            """);

        Assert.Empty(result.Errors);
        Assert.Empty(result.Warnings);
        var webhook = result.Config.Webhook;
        Assert.Equal(["https://hooks.example.org/isso", "http://ci.example.org:8080/parley?token=1"], webhook.Urls);
        Assert.Equal("s3cret", webhook.Secret);
        Assert.Equal(3, webhook.Timeout);
        Assert.Equal(["comment.created", "comment.deleted"], webhook.Events);
        Assert.True(webhook.AllowPrivate);
        Assert.Equal([TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(90), TimeSpan.FromHours(2)], webhook.Retries);
    }

    [Fact]
    public void TheDefaultsSendNothingAndWouldSendOnlyNewCommentsAsIsso()
    {
        var webhook = Read("").Config.Webhook;
        Assert.Empty(webhook.Urls);
        Assert.Equal(["comment.created"], webhook.Events);
        Assert.Equal(10, webhook.Timeout);
        Assert.False(webhook.AllowPrivate);
        // Standard Webhooks' schedule: ten attempts in all.
        Assert.Equal(["5s", "5m", "30m", "2h", "5h", "10h", "14h", "20h", "24h"], webhook.Retries.Select(Durations.Format));
    }

    [Theory]
    [InlineData("5s, soon, 1h", "[webhook] retries: \"soon\" is not a time span of a second or more (like 5s, 5m or 2h)")]
    [InlineData("0", "[webhook] retries: \"0\" is not a time span of a second or more (like 5s, 5m or 2h)")]
    public void ARetryThatIsNoTimeSpanIsAnError(string retries, string message)
    {
        Assert.Equal(message, Assert.Single(Read($"[webhook]\nretries = {retries}\n").Errors).ToString());
    }

    [Theory]
    [InlineData(5, "5s")]
    [InlineData(90, "90s")]
    [InlineData(300, "5m")]
    [InlineData(86400, "24h")]
    public void ARetryIsWrittenBackAsTheConfigWouldSayIt(int seconds, string text)
    {
        Assert.Equal(text, Durations.Format(TimeSpan.FromSeconds(seconds)));
        Assert.True(Durations.TryParse(text, out var back) && back == seconds);
    }

    [Theory]
    [InlineData("ftp://hooks.example.org/", "[webhook] url: \"ftp://hooks.example.org/\" is not an http:// or https:// address with a host")]
    [InlineData("hooks.example.org/isso", "[webhook] url: \"hooks.example.org/isso\" is not an http:// or https:// address with a host")]
    [InlineData("https:///isso", "[webhook] url: \"https:///isso\" is not an http:// or https:// address with a host")]
    public void AUrlThatIsNoHttpAddressStopsStartUpNamingTheKey(string url, string message)
    {
        var result = Read($"[webhook]\nurl = {url}\n");
        Assert.Equal(message, Assert.Single(result.Errors).ToString());
    }

    [Fact]
    public void AnUnknownEventTypeIsAnError()
    {
        var result = Read("[webhook]\nevents = comment.created, comment.liked\n");
        Assert.StartsWith("[webhook] events: \"comment.liked\" is not an event type", Assert.Single(result.Errors).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void TheMessageBusIsReadAndABadUrlIsRefusedWithoutShowingIt()
    {
        var amqp = Read("[amqp]\nurl = amqps://parley:pw@broker.example.org/prod\ntopic-prefix = org.example.prod.\n").Config.Amqp;
        Assert.Equal("amqps://parley:pw@broker.example.org/prod", amqp.Url);
        Assert.Equal("amq.topic", amqp.Exchange);
        Assert.Equal("org.example.prod", amqp.TopicPrefix);
        Assert.Equal("", Read("").Config.Amqp.Url);

        var error = Assert.Single(Read("[amqp]\nurl = http://parley:pw@broker.example.org/\n").Errors).ToString();
        Assert.StartsWith("[amqp] url: is not an amqp:// or amqps:// address", error, StringComparison.Ordinal);
        Assert.DoesNotContain("pw", error, StringComparison.Ordinal);
    }

    [Fact]
    public void EndpointsChangeOnlyWithARestart()
    {
        var running = Read("[webhook]\nurl = https://a.example.org/\n").Config;
        var loaded = Read("[webhook]\nurl = https://b.example.org/\n").Config;
        Assert.Equal(["[webhook] url"], ReloadRules.Compare(running, loaded).NeedRestart);
        Assert.Equal(["https://a.example.org/"], ReloadRules.Applied(running, loaded).Webhook.Urls);
    }
}
