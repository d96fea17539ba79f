namespace Parley.Core.Config;

/// <summary>
/// The configuration a running server uses now. A reload replaces it whole; the record itself never changes, so
/// whoever reads <see cref="Current"/> once per request or operation sees one consistent set of settings.
/// </summary>
public sealed class LiveConfig(ParleyConfig initial)
{
    private ParleyConfig _current = initial ?? throw new ArgumentNullException(nameof(initial));

    public ParleyConfig Current => Volatile.Read(ref _current);

    /// <summary>Raised after <see cref="Replace"/>, on the reloading thread.</summary>
    public event Action? Changed;

    public void Replace(ParleyConfig next)
    {
        ArgumentNullException.ThrowIfNull(next);
        Volatile.Write(ref _current, next);
        Changed?.Invoke();
    }
}
