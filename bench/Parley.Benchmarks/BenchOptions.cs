using System.Globalization;

namespace Parley.Benchmarks;

/// <summary>The command line of the harness; <see cref="Parse"/> explains every mistake in one message.</summary>
internal sealed record BenchOptions(
    string ParleyDll, int DurationSeconds, int WarmupSeconds, string OutDir, bool Smoke, bool WriteReadme, string? RepoRoot,
    IReadOnlySet<string>? Only = null, string? SeedsDir = null)
{
    public const string Usage = """
        usage: Parley.Benchmarks --parley PATH [--duration N] [--warmup N] [--out DIR] [--smoke] [--no-readme] [--only IDS]
                                [--seeds DIR]
          --parley PATH   the built parley.dll to measure (required)
          --duration N    seconds of each measured wrk run (default 10; 1 with --smoke)
          --warmup N      seconds of the warm-up run before it (default 10; 0 with --smoke)
          --out DIR       where latest.json and latest.md go (default bench/results; required with --smoke);
                          giving it leaves README.md alone
          --smoke         the scaled-down run of the test suite: small databases, short runs
          --no-readme     do not rewrite README.md's performance section
          --only IDS      measure only these, by id, comma-separated (e.g. count,embed-js,mixed,first; needs --out)
          --seeds DIR     keep the seeded SQLite databases in DIR and start from them when a later run finds them
                          there (seeding the large one takes minutes; needs --out)
        """;

    /// <summary>The id of the mixed load for <c>--only</c>.</summary>
    public const string MixedId = "mixed";

    /// <summary>The id of the first answers after a start for <c>--only</c>.</summary>
    public const string FirstId = "first";

    /// <summary>Whether this run measures <paramref name="id"/> (an endpoint's, <see cref="MixedId"/> or <see cref="FirstId"/>).</summary>
    public bool Runs(string id) => Only is null || Only.Contains(id);

    /// <summary>The endpoints this run loads, in table order.</summary>
    public IReadOnlyList<Endpoint> Endpoints => [.. Endpoint.All.Where(e => Only is null || Only.Contains(e.Id))];

    public Scale Scale => Smoke ? Scale.SmokeRun : Scale.FullRun;

    /// <summary>wrk's connections: 32 in a full run; 2 in a smoke run, where a 1 s run must still see slow answers complete.</summary>
    public int Connections => Smoke ? 2 : 32;

    /// <summary>
    /// How long a server idles after its first 200 before its resident memory is read: long enough for start-up
    /// allocations to settle and the first background work to run; shorter in a smoke run, which checks only that it works.
    /// </summary>
    public TimeSpan IdleSettle => TimeSpan.FromSeconds(Smoke ? 0.5 : 2);

    public static BenchOptions Parse(string[] args)
    {
        string? parley = null, outDir = null, seeds = null;
        int? duration = null, warmup = null;
        bool smoke = false, noReadme = false;
        HashSet<string>? only = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--parley": parley = Value(args, ref i); break;
                case "--out": outDir = Value(args, ref i); break;
                case "--duration": duration = Seconds(args, ref i, minimum: 1); break;
                case "--warmup": warmup = Seconds(args, ref i, minimum: 0); break;
                case "--smoke": smoke = true; break;
                case "--no-readme": noReadme = true; break;
                case "--only": only = Ids(args, ref i); break;
                case "--seeds": seeds = Value(args, ref i); break;
                default: throw new BenchError($"unknown option '{args[i]}'\n{Usage}");
            }
        }
        if (parley is null)
        {
            throw new BenchError($"--parley PATH is required\n{Usage}");
        }
        if (smoke && outDir is null)
        {
            throw new BenchError("--smoke needs --out DIR: a smoke run never writes bench/results");
        }
        if (only is not null && outDir is null)
        {
            // bench/results holds the last full run; a partial one must not replace it.
            throw new BenchError("--only needs --out DIR: a partial run never writes bench/results");
        }
        if (seeds is not null && outDir is null)
        {
            // A kept seed's timing is not measured again, so a run that reuses one must not replace bench/results.
            throw new BenchError("--seeds needs --out DIR: a run from kept seeds never writes bench/results");
        }
        var root = Benchmarks.RepoRoot.Find();
        if (outDir is null && root is null)
        {
            throw new BenchError("no Parley.slnx above this folder, so no default for --out; give --out DIR");
        }
        return new BenchOptions(
            Path.GetFullPath(parley),
            duration ?? (smoke ? 1 : 10),
            warmup ?? (smoke ? 0 : 10),
            Path.GetFullPath(outDir ?? Path.Combine(root!, "bench", "results")),
            smoke,
            WriteReadme: !smoke && outDir is null && !noReadme,
            root,
            only,
            seeds is null ? null : Path.GetFullPath(seeds));
    }

    private static string Value(string[] args, ref int i)
    {
        if (i + 1 >= args.Length)
        {
            throw new BenchError($"{args[i]} needs a value\n{Usage}");
        }
        return args[++i];
    }

    private static HashSet<string> Ids(string[] args, ref int i)
    {
        var ids = Value(args, ref i).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
        List<string> known = [.. Endpoint.All.Select(e => e.Id), MixedId, FirstId];
        var unknown = ids.Where(id => !known.Contains(id)).ToList();
        if (ids.Count == 0 || unknown.Count > 0)
        {
            throw new BenchError($"--only: no endpoint '{string.Join("', '", unknown)}'; the ids are {string.Join(", ", known)}");
        }
        return ids;
    }

    private static int Seconds(string[] args, ref int i, int minimum)
    {
        var name = args[i];
        var text = Value(args, ref i);
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds < minimum)
        {
            throw new BenchError($"{name} takes whole seconds, at least {minimum}; got '{text}'");
        }
        return seconds;
    }
}
