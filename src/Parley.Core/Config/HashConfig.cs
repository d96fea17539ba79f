namespace Parley.Core.Config;

/// <summary><c>[hash]</c>: how author hashes are computed.</summary>
public sealed record HashConfig
{
    public string Salt { get; init; } = "Eech7co8Ohloopo9Ol6baimi";
    /// <summary><c>algorithm</c>: <c>pbkdf2[:iterations[:dklen[:prf]]]</c>, <c>none</c> or a digest name.</summary>
    public string Algorithm { get; init; } = "pbkdf2";
}
