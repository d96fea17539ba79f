using Parley.Tests.Shared;

namespace Parley.Storage.Tests.Postgres;

/// <summary>The test server's URL; without one, the calling test is skipped, saying why (or fails, under <c>CI=true</c>).</summary>
internal static class PostgresServer
{
    public static string Require() =>
        TestPostgres.ServerUrl ?? (TestPostgres.Required
            ? throw new InvalidOperationException(TestPostgres.Missing)
            : throw new SkipException(TestPostgres.Missing));
}
