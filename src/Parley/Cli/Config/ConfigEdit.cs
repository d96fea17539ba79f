using System.Text;
using Parley.Core.Config;

namespace Parley.Cli.Config;

/// <summary>
/// One config action's change to <c>isso.cfg</c>: the file is edited as an <see cref="IniFile"/>, so only the lines
/// of the keys the action sets change; the result is validated as a whole before anything is written, and written
/// atomically (a temporary file beside it, then a rename) with the original's permissions.
/// </summary>
internal sealed class ConfigEdit
{
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    private readonly string _original;
    private readonly bool _exists;
    private readonly bool _bom;
    private readonly List<string> _changed = [];

    private ConfigEdit(string path, string text, bool exists, bool bom)
    {
        Path = path;
        _original = text;
        _exists = exists;
        _bom = bom;
        File = IniFile.Parse(text);
    }

    /// <summary>The file being edited (<c>ISSO_SETTINGS</c> wins over <c>-c</c>, as for <c>run</c>).</summary>
    public string Path { get; }

    public IniFile File { get; }

    /// <summary>Reads the file; a missing one starts empty and is created on save. Null after saying why it cannot be read.</summary>
    public static ConfigEdit? Open(string configPath)
    {
        var path = StartupConfig.PathOf(configPath);
        try
        {
            if (!System.IO.File.Exists(path))
            {
                return new ConfigEdit(path, "", exists: false, bom: false);
            }
            var bytes = System.IO.File.ReadAllBytes(path);
            var bom = bytes.AsSpan().StartsWith(Utf8Bom);
            var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, bom ? 3 : 0, bytes.Length - (bom ? 3 : 0));
            return new ConfigEdit(path, text, exists: true, bom);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DecoderFallbackException)
        {
            Console.Error.WriteLine($"Cannot read {path}: {e.Message}");
            return null;
        }
    }

    /// <summary>Opens, sets every change, saves: the whole of most actions. Nothing to change is a usage error.</summary>
    public static int Apply(string configPath, IReadOnlyList<(string Section, string Key, string Value)> changes)
    {
        if (changes.Count == 0)
        {
            return ConfigOptions.Fail("nothing to set; give at least one option (see --help)");
        }
        var edit = Open(configPath);
        if (edit is null)
        {
            return 1;
        }
        foreach (var (section, key, value) in changes)
        {
            edit.Set(section, key, value);
        }
        return edit.Save();
    }

    /// <summary>Sets a key the action owns; unchanged values are left alone so their lines keep their bytes.</summary>
    public void Set(string section, string key, string value)
    {
        if (File.Get(section, key) is { } current && Lines(current) == Lines(value))
        {
            return;
        }
        File.Set(section, key, value);
        _changed.Add($"[{section}] {key}");
    }

    private static string Lines(string value) =>
        string.Join('\n', value.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));

    /// <summary>
    /// Applies the enforced keys, validates, writes. Returns the exit code: 1 (file untouched) when the result
    /// would not start or the file cannot be written.
    /// </summary>
    public int Save()
    {
        _changed.AddRange(EnforcedKeys.Apply(File));
        if (!_exists && File.Get("general", "dbpath") is null)
        {
            // Isso's default is /tmp/comments.db, which the system empties: a new configuration keeps its database beside it.
            Set("general", "dbpath", System.IO.Path.Combine(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!, "comments.db"));
        }
        var result = ConfigReader.Read(File, Environment.GetEnvironmentVariable);
        if (!result.IsValid)
        {
            Console.Error.WriteLine($"Not changed: {Path} would have {result.Errors.Count} problem(s):");
            foreach (var error in result.Errors)
            {
                Console.Error.WriteLine($"  {error}");
            }
            return 1;
        }
        var text = File.ToString();
        if (_exists && text == _original)
        {
            Console.WriteLine($"{Path} already has these values; nothing written.");
            return 0;
        }
        try
        {
            if (!_exists)
            {
                // A first config usually goes into a folder of its own (/etc/parley): create it as mkdir -p would.
                Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!);
            }
            AtomicFile.Write(Path, _bom ? [.. Utf8Bom, .. Encoding.UTF8.GetBytes(text)] : Encoding.UTF8.GetBytes(text));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"Not changed: cannot write {Path}: {e.Message}");
            return 1;
        }
        Console.WriteLine($"{(_exists ? "Updated" : "Created")} {Path}: {string.Join(", ", _changed.Distinct())}.");
        Console.WriteLine(_exists
            ? ReloadNotice.For(ConfigReader.Read(IniFile.Parse(_original), Environment.GetEnvironmentVariable).Config, result.Config)
            : $"No server runs with it yet; start one with `parley -c {Path} run`.");
        if (TemporaryPath.Contains(result.Config.General.DbPath))
        {
            Console.Error.WriteLine($"warning: {TemporaryPath.DatabaseWarning(result.Config.General.DbPath, Path)}");
        }
        return 0;
    }
}
