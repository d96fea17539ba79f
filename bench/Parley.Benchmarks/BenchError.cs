namespace Parley.Benchmarks;

/// <summary>A setup problem the user can fix (missing wrk, no parley.dll, a server that never answered): printed, exit 2.</summary>
internal sealed class BenchError(string message) : Exception(message);
