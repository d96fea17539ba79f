using Npgsql;
using Parley.Storage.Postgres;

namespace Parley.Storage.Tests.Postgres;

public sealed class PostgresUrlTests
{
    [Fact]
    public void EveryPartOfTheUrlBecomesASetting()
    {
        var settings = PostgresUrl.Parse("postgresql://comments:p%40ss%3Aword@db.example:6543/blog?sslmode=require&application_name=parley-1&pool_size=20&connect_timeout=7");

        Assert.Equal("db.example", settings.Host);
        Assert.Equal(6543, settings.Port);
        Assert.Equal("comments", settings.Username);
        Assert.Equal("p@ss:word", settings.Password);
        Assert.Equal("blog", settings.Database);
        Assert.Equal(SslMode.Require, settings.SslMode);
        Assert.Equal("parley-1", settings.ApplicationName);
        Assert.Equal(20, settings.MaxPoolSize);
        Assert.Equal(7, settings.Timeout);
    }

    [Fact]
    public void TheDefaultsAreLibpqs()
    {
        var settings = PostgresUrl.Parse("postgres://comments@db.example");

        Assert.Equal(5432, settings.Port);
        Assert.Equal("comments", settings.Database);
        Assert.Null(settings.Password);
    }

    [Fact]
    public void AUnixSocketFolderComesAsTheHostParameter()
    {
        var settings = PostgresUrl.Parse("postgresql://comments@/blog?host=/var/run/postgresql");

        Assert.Equal("/var/run/postgresql", settings.Host);
        Assert.Equal("blog", settings.Database);
    }

    [Theory]
    [InlineData("postgresql://u:secret@h/db", "postgresql://u:***@h/db")]
    [InlineData("postgresql://u@h/db?password=secret&sslmode=require", "postgresql://u@h/db?password=***&sslmode=require")]
    [InlineData("postgresql://h/db", "postgresql://h/db")]
    public void MessagesNeverShowThePassword(string url, string masked) => Assert.Equal(masked, PostgresUrl.Masked(url));

    [Theory]
    [InlineData("postgresql://u:secret@h/db?sslmod=require", "the parameter 'sslmod' is not known")]
    [InlineData("postgresql://u:secret@h/db?sslmode=sometimes", "sslmode=sometimes is not one of")]
    [InlineData("postgresql://u:secret@h/db?pool_size=many", "pool_size=many is not a positive whole number")]
    [InlineData("postgresql://u:secret@h:notaport/db", "the port 'notaport' is not a number")]
    public void AWrongUrlIsRefusedNamingDbpathWithThePasswordMasked(string url, string reason)
    {
        var e = Assert.Throws<DatabasePathException>(() => PostgresUrl.Parse(url));

        Assert.StartsWith("[general] dbpath postgresql://u:***@h", e.Message, StringComparison.Ordinal);
        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("postgresql://h/db", true)]
    [InlineData("POSTGRES://h/db", true)]
    [InlineData("/var/lib/parley/comments.db", false)]
    [InlineData("postgresql.db", false)]
    public void OnlyAPostgresUrlSelectsPostgres(string dbpath, bool postgres) => Assert.Equal(postgres, PostgresUrl.Matches(dbpath));
}
