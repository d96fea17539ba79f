using Parley.Core.Spam;

namespace Parley.Storage;

/// <summary>A <c>parley_bans</c> row as either engine selects it; settable properties let the mapper convert.</summary>
internal sealed class BanRow
{
    public long Id { get; set; }
    public string Kind { get; set; } = "";
    public string Value { get; set; } = "";
    public string Action { get; set; } = "";
    public double Created { get; set; }

    public Ban ToBan() => new(Id, Kind, Value, Action, Created);
}
