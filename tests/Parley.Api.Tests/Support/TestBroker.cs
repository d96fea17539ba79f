using System.Diagnostics;
using Parley.Tests.Shared;

namespace Parley.Api.Tests.Support;

/// <summary>
/// The RabbitMQ broker test.sh starts for the run (tests/rabbitmq/server.sh): its URL in <c>PARLEY_TEST_AMQP</c>, its
/// folder in <c>PARLEY_TEST_AMQP_DIR</c>. Without it an AMQP test is skipped, saying why, or fails under <c>CI=true</c>.
/// </summary>
public static class TestBroker
{
    private const string Missing = "no RabbitMQ broker for the tests: PARLEY_TEST_AMQP and PARLEY_TEST_AMQP_DIR are not set "
        + "(./test.sh starts one; so does 'tests/rabbitmq/server.sh start DIR', whose printed URL goes in PARLEY_TEST_AMQP)";

    public static string Require() =>
        Environment.GetEnvironmentVariable("PARLEY_TEST_AMQP") is { Length: > 0 } url && Directory is not null
            ? url
            : string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)
                ? throw new InvalidOperationException(Missing)
                : throw new SkipException(Missing);

    private static string? Directory => Environment.GetEnvironmentVariable("PARLEY_TEST_AMQP_DIR") is { Length: > 0 } dir ? dir : null;

    /// <summary>Stops the broker application: every connection drops, durable queues and their messages stay.</summary>
    public static Task PauseAsync() => RunAsync("pause");

    public static Task ResumeAsync() => RunAsync("resume");

    private static async Task RunAsync(string action)
    {
        using var process = Process.Start(new ProcessStartInfo("bash", [Path.Combine(Checkout.Root, "tests", "rabbitmq", "server.sh"), action, Directory!])
        {
            RedirectStandardError = true,
        })!;
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"tests/rabbitmq/server.sh {action} failed: {errors}");
    }
}
