using System.Globalization;

namespace Parley.Cli;

/// <summary>A <c>[NN%]</c> line rewritten in place on a terminal while comments are stored.</summary>
internal sealed class TerminalProgress(TextWriter output, int total, string label) : IProgress<int>
{
    private int _shown = -1;

    public void Report(int value)
    {
        var percent = total == 0 ? 100 : (int)(value * 100L / total);
        if (percent == _shown)
        {
            return;
        }
        _shown = percent;
        output.Write(string.Create(CultureInfo.InvariantCulture, $"\r[{percent,3}%]  {label} {value}/{total}"));
        if (value >= total)
        {
            output.WriteLine();
        }
    }
}
