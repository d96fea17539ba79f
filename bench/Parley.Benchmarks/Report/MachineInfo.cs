using System.Globalization;
using System.Runtime.InteropServices;

namespace Parley.Benchmarks.Report;

/// <summary>What the figures were measured on; req/s mean little without it.</summary>
internal sealed record MachineInfo(string Cpu, int Cores, double MemoryGb, string Os, string Runtime, string Wrk)
{
    public static MachineInfo Describe(string wrkVersion) => new(
        Field("/proc/cpuinfo", "model name", ':') ?? RuntimeInformation.ProcessArchitecture.ToString(),
        Environment.ProcessorCount,
        TotalMemoryGb(),
        Field("/etc/os-release", "PRETTY_NAME", '=')?.Trim('"') ?? RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription,
        wrkVersion);

    public override string ToString() => FormattableString.Invariant(
        $"{Cpu}, {Cores} cores, {MemoryGb:0.0} GB RAM, {Os}, {Runtime}, {Wrk}");

    private static double TotalMemoryGb()
    {
        // "MemTotal:       24683604 kB"
        var kb = Field("/proc/meminfo", "MemTotal", ':')?.Split(' ')[0];
        return kb is null ? 0 : long.Parse(kb, CultureInfo.InvariantCulture) / 1024.0 / 1024.0;
    }

    /// <summary>The value of the first line "<paramref name="key"/> <paramref name="separator"/> value" of a file, if any.</summary>
    private static string? Field(string path, string key, char separator)
    {
        if (!File.Exists(path))
        {
            return null;
        }
        foreach (var line in File.ReadLines(path))
        {
            var at = line.IndexOf(separator, StringComparison.Ordinal);
            if (at > 0 && line[..at].Trim() == key)
            {
                return line[(at + 1)..].Trim();
            }
        }
        return null;
    }
}
