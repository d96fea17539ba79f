using Parley.Core.Config;

namespace Parley.Core.Tests.Config;

public class ConfigReaderDefaultsTests
{
    private static readonly ConfigResult Empty = ConfigReader.Read(IniFile.Parse(""), _ => null);

    [Fact]
    public void EmptyFileHasNoErrorsOrWarnings()
    {
        Assert.Empty(Empty.Errors);
        Assert.Empty(Empty.Warnings);
        Assert.True(Empty.IsValid);
    }

    [Fact]
    public void EmptyFileGivesEveryBuiltInDefault()
    {
        var c = Empty.Config;

        Assert.Equal("/tmp/comments.db", c.General.DbPath);
        Assert.Equal("", c.General.Name);
        Assert.Empty(c.General.Host);
        Assert.Equal(900, c.General.MaxAge);
        Assert.Equal(["stdout"], c.General.Notify);
        Assert.False(c.General.ReplyNotifications);
        Assert.Equal("", c.General.LogFile);
        Assert.False(c.General.Gravatar);
        Assert.Equal("https://www.gravatar.com/avatar/{}?d=identicon&s=55", c.General.GravatarUrl);
        Assert.False(c.General.LatestEnabled);
        Assert.Null(c.General.SessionKey);

        Assert.False(c.Admin.Enabled);
        Assert.Equal("please_choose_a_strong_password", c.Admin.Password);

        Assert.False(c.Moderation.Enabled);
        Assert.False(c.Moderation.ApproveIfEmailPreviouslyApproved);
        Assert.Equal(2592000, c.Moderation.PurgeAfter);

        Assert.Equal("http://localhost:8080", c.Server.Listen);
        Assert.Equal("", c.Server.PublicEndpoint);
        Assert.False(c.Server.Reload);
        Assert.False(c.Server.Profile);
        Assert.Empty(c.Server.TrustedProxies);
        Assert.Equal("", c.Server.SameSite);

        Assert.Equal("", c.Smtp.Username);
        Assert.Equal("", c.Smtp.Password);
        Assert.Equal("localhost", c.Smtp.Host);
        Assert.Equal(587, c.Smtp.Port);
        Assert.Equal("starttls", c.Smtp.Security);
        Assert.Equal("", c.Smtp.To);
        Assert.Equal("Ich schrei sonst! <>", c.Smtp.From);
        Assert.Equal(10, c.Smtp.Timeout);

        Assert.True(c.Guard.Enabled);
        Assert.Equal(2, c.Guard.RateLimit);
        Assert.Equal(3, c.Guard.DirectReply);
        Assert.False(c.Guard.ReplyToSelf);
        Assert.False(c.Guard.RequireAuthor);
        Assert.False(c.Guard.RequireEmail);
        Assert.True(c.Guard.WebsiteField);

        Assert.Equal("mistune", c.Markup.Renderer);
        Assert.Empty(c.Markup.AllowedElements);
        Assert.Empty(c.Markup.AllowedAttributes);
        Assert.Equal(["autolink", "fenced-code", "no-intra-emphasis", "strikethrough", "superscript"], c.Markup.MisakaOptions);
        Assert.Empty(c.Markup.MisakaFlags);
        Assert.Equal(["strikethrough", "subscript", "superscript"], c.Markup.Plugins);
        Assert.Equal(["escape", "hard_wrap"], c.Markup.Parameters);

        Assert.Equal("Eech7co8Ohloopo9Ol6baimi", c.Hash.Salt);
        Assert.Equal("pbkdf2", c.Hash.Algorithm);

        Assert.Equal("", c.Rss.Base);
        Assert.Equal(100, c.Rss.Limit);
    }

    [Fact]
    public void EmptyFileReadsTheSameAsTheRecordsOwnDefaults()
    {
        // List members compare by reference, so they are lined up before comparing the rest.
        var general = new GeneralConfig();
        Assert.Equal(general, Empty.Config.General with { Host = general.Host, Notify = general.Notify });
        Assert.Equal(new AdminConfig(), Empty.Config.Admin);
        Assert.Equal(new ModerationConfig(), Empty.Config.Moderation);
        Assert.Equal(new HashConfig(), Empty.Config.Hash);
        Assert.Equal(new RssConfig(), Empty.Config.Rss);
        Assert.Equal(new GuardConfig(), Empty.Config.Guard);
        Assert.Equal(new SmtpConfig(), Empty.Config.Smtp);
    }
}
