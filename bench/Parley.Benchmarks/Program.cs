using Parley.Benchmarks;
using Parley.Benchmarks.Baseline;

// `baseline --port P --responses FILE` is the child process measured beside Parley; anything else runs the harness.
if (args.Length > 0 && args[0] == "baseline")
{
    return await BaselineServer.RunAsync(args[1..]);
}
return await Harness.RunAsync(args);
