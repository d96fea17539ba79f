using System.Runtime.InteropServices;
using System.Threading.Channels;
using Parley.Core.Config;
using Parley.Core.Security;
using Parley.Core.Storage;

namespace Parley.Hosting;

/// <summary>
/// Reads the configuration file again when it changes and on SIGHUP, and hands what may change live to
/// <see cref="LiveConfig"/> (<see cref="ReloadRules"/>). A file that would not start the server changes nothing:
/// its problems are logged and the running settings stay. Changed keys are logged by name, never by value.
/// </summary>
internal sealed class ConfigReloader(LiveConfig live, ICommentStore store, ParleyHostOptions options, ILogger<ConfigReloader> log) : BackgroundService
{
    private const string FileChanged = "file changed";
    private const string Hangup = "SIGHUP";

    // Writers touch the file several times in a burst (a temporary file renamed over it, or truncate then write):
    // one reload once it has settled. File events happen in real time, so the wait is on the real clock.
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(300);

    private readonly Channel<string> _triggers = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });

    private PosixSignalRegistration? _hangup;

    // Registered before the host reports itself started (ExecuteAsync runs later, on a pool thread): a SIGHUP sent
    // right after start-up is a reload, never lost. Without a handler SIGHUP would end the process; with one that
    // cancels it, it means "reload", as for most daemons.
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.ConfigPath is { Length: > 0 } && !OperatingSystem.IsWindows())
        {
            _hangup = PosixSignalRegistration.Create(PosixSignal.SIGHUP, signal =>
            {
                signal.Cancel = true;
                _triggers.Writer.TryWrite(Hangup);
            });
        }
        return base.StartAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _hangup?.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.ConfigPath is not { Length: > 0 } path)
        {
            return;
        }
        var watchers = Watch(path);
        try
        {
            await foreach (var trigger in _triggers.Reader.ReadAllAsync(stoppingToken))
            {
                var reason = trigger;
                if (trigger == FileChanged)
                {
                    await Task.Delay(Settle, TimeProvider.System, stoppingToken);
                }
                while (_triggers.Reader.TryRead(out var more))
                {
                    reason = more == Hangup ? Hangup : reason;
                }
                await ReloadAsync(path, reason, stoppingToken);
            }
        }
        finally
        {
            foreach (var watcher in watchers)
            {
                watcher.Dispose();
            }
        }
    }

    private async Task ReloadAsync(string path, string reason, CancellationToken ct)
    {
        var result = ConfigFile.Load(path, Environment.GetEnvironmentVariable);
        var problems = result.IsValid ? ServingRequirements.Check(result.Config, path) : result.Errors;
        if (problems.Count > 0)
        {
            log.LogError("Kept the running configuration: {Path} ({Reason}) has {Count} problem(s)", path, reason, problems.Count);
            foreach (var problem in problems)
            {
                log.LogError("{Path}: {Problem}", path, problem);
            }
            return;
        }
        foreach (var warning in result.Warnings)
        {
            log.LogWarning("{Path}: {Warning}", path, warning);
        }
        var running = live.Current;
        var changes = ReloadRules.Compare(running, result.Config);
        if (changes.Live.Count > 0)
        {
            live.Replace(ReloadRules.Applied(running, result.Config));
            log.LogInformation("Reloaded {Path} ({Reason}); now in effect: {Keys}", path, reason, string.Join(", ", changes.Live));
            if (running.Admin.Password != result.Config.Admin.Password
                && await store.RecordAdminPasswordAsync(AdminPassword.Fingerprint(result.Config.Admin.Password), ct))
            {
                // A password edited by hand ends the sessions opened under the old one, as set-admin-password does.
                log.LogInformation("The admin password changed: every admin session was signed out");
            }
        }
        if (changes.NeedRestart.Count > 0)
        {
            log.LogWarning("{Path} ({Reason}) changes {Keys}: needs a restart to take effect", path, reason, string.Join(", ", changes.NeedRestart));
        }
        if (!changes.Any)
        {
            log.LogInformation("Reloaded {Path} ({Reason}); no setting changed", path, reason);
        }
    }

    // The folder is watched, not the file: an atomic write renames a new file over the old one. A symbolic link is
    // watched where it is and where it leads, since `parley config` writes the file the link names.
    private List<FileSystemWatcher> Watch(string path)
    {
        var files = new List<string> { Path.GetFullPath(path) };
        try
        {
            if (new FileInfo(path) is { LinkTarget: not null } link && link.ResolveLinkTarget(returnFinalTarget: true) is { } target)
            {
                files.Add(target.FullName);
            }
        }
        catch (IOException)
        {
            // A dangling or looping link: the link itself is still watched.
        }
        var watchers = new List<FileSystemWatcher>();
        foreach (var file in files)
        {
            try
            {
                var watcher = new FileSystemWatcher(Path.GetDirectoryName(file)!, Path.GetFileName(file))
                {
                    NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.CreationTime,
                };
                watcher.Changed += (_, _) => _triggers.Writer.TryWrite(FileChanged);
                watcher.Created += (_, _) => _triggers.Writer.TryWrite(FileChanged);
                watcher.Renamed += (_, _) => _triggers.Writer.TryWrite(FileChanged);
                watcher.Error += (_, e) => log.LogWarning("Stopped watching {Path} ({Reason}); send SIGHUP to reload it", file, e.GetException().Message);
                watcher.EnableRaisingEvents = true;
                watchers.Add(watcher);
            }
            catch (Exception e) when (e is IOException or ArgumentException or UnauthorizedAccessException)
            {
                // The system's limit on watches, for one: the server runs on, and SIGHUP still reloads.
                log.LogWarning("Cannot watch {Path} for changes ({Reason}); send SIGHUP to reload it", file, e.Message);
            }
        }
        return watchers;
    }
}
