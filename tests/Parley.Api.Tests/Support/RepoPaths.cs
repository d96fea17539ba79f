using Parley.Tests.Shared;

namespace Parley.Api.Tests.Support;

/// <summary>Where things live in the repository the tests were built from.</summary>
public static class RepoPaths
{
    public static string Root => Checkout.Root;

    /// <summary>The parley.dll built with the same configuration as these tests (the project reference builds it first).</summary>
    public static string ParleyDll => Checkout.Built(Path.Combine("src", "Parley"), "parley.dll");

    /// <summary>The benchmark harness built with the same configuration (the test project references it to build it).</summary>
    public static string BenchmarksDll => Checkout.Built(Path.Combine("bench", "Parley.Benchmarks"), "Parley.Benchmarks.dll");

    public static string Fixture(string relativePath) => Path.Combine(Root, "tests", "fixtures", relativePath);

    public static string SmtpCaptureServer => Path.Combine(Root, "tests", "smtp", "capture_server.py");
}
