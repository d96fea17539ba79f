using System.Globalization;

namespace Parley.Benchmarks.Mixed;

/// <summary>The shares, in percent, of each kind of request mixed.lua sends.</summary>
internal sealed record LoadMix(int Fetch, int Count, int New, int Like)
{
    /// <summary>A busy blog: mostly readers, some count widgets, a comment or a like now and then.</summary>
    public static LoadMix Mixed { get; } = new(80, 10, 5, 5);

    /// <summary>The mix's fetches alone: what the same server reads when nothing is written.</summary>
    public static LoadMix ReadOnly { get; } = new(100, 0, 0, 0);

    /// <summary>The kinds of request as mixed.lua names them, in the order of the weights.</summary>
    public static IReadOnlyList<string> Kinds { get; } = ["fetch", "count", "new", "like"];

    /// <summary>The weights as mixed.lua takes them: "80,10,5,5".</summary>
    public string Argument => string.Create(CultureInfo.InvariantCulture, $"{Fetch},{Count},{New},{Like}");
}
