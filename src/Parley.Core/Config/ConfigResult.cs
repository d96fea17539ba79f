namespace Parley.Core.Config;

/// <summary>
/// The outcome of reading a configuration: the typed view, every error (the app must not start while there is
/// one) and the warnings worth logging.
/// </summary>
public sealed record ConfigResult(ParleyConfig Config, IReadOnlyList<ConfigProblem> Errors, IReadOnlyList<string> Warnings)
{
    public bool IsValid => Errors.Count == 0;
}
