using System.Net;
using Parley.Api.Tests.Support;
using Parley.Tests.Shared;

namespace Parley.Api.Tests.Engines;

/// <summary>Two instances on one database count an address's failed sign-ins together.</summary>
public sealed class SharedThrottleTests
{
    private static HttpRequestMessage Login(string password, string ip)
    {
        var request = Wire.Request(HttpMethod.Post, "/login/", ip: ip);
        request.Content = new FormUrlEncodedContent([new("password", password)]);
        return request;
    }

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task FailuresThroughEitherInstanceLockTheAddressOutOfBoth(string engine)
    {
        using var postgres = engine == "postgres" ? TestPostgres.CreateDatabase() : null;
        var shared = postgres?.Url ?? Path.Combine(Path.GetTempPath(), $"parley-shared-{Guid.NewGuid():N}.db");
        try
        {
            await using var a = await TestApp.StartAsync(c => Admin(c, shared));
            await using var b = await TestApp.StartAsync(c => Admin(c, shared));
            var ip = Wire.FreshAddress();

            for (var i = 0; i < LoginThrottleAllowed; i++)
            {
                var through = i % 2 == 0 ? a : b;
                using var wrong = await through.Client.SendAsync(Login("guess" + i, ip));
                Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            }

            foreach (var app in new[] { a, b })
            {
                using var locked = await app.Client.SendAsync(Login(AdminWire.Password, ip));
                Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);
            }
            using var other = await b.Client.SendAsync(Login(AdminWire.Password, Wire.FreshAddress()));
            Assert.Equal(HttpStatusCode.Found, other.StatusCode);
        }
        finally
        {
            if (postgres is null)
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                foreach (var suffix in new[] { "", "-wal", "-shm", ".lock" })
                {
                    File.Delete(shared + suffix);
                }
            }
        }
    }

    // Parley's rule (LoginThrottle.Allowed): the fifth failure locks the address out.
    private const int LoginThrottleAllowed = 5;

    private static Parley.Core.Config.ParleyConfig Admin(Parley.Core.Config.ParleyConfig c, string dbpath) => c with
    {
        General = c.General with { DbPath = dbpath },
        Admin = c.Admin with { Enabled = true, Password = AdminWire.Password },
    };
}
