// Each test starts a server process and drives a browser; on a two-core machine that already runs the
// other suites, one test at a time keeps timings far from every wait's limit.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
