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
    // one reload once it has settled. Files change in real time, so both waits are on the real clock.
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(300);
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

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
        var polling = PollAsync(path, stoppingToken);
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
            await polling;
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

    // Polled, not watched: a watch on the folder (the only kind that sees an atomic rename) wakes for every write to
    // every file in it, and a database beside its configuration (the usual layout) writes on every comment; measured,
    // a third of POST /new's throughput went to waking for them. Reading a small file once a second costs nothing.
    // A symbolic link is followed afresh each time, so retargeting it is a change too.
    private async Task PollAsync(string path, CancellationToken ct)
    {
        var last = Snapshot(path);
        using var timer = new PeriodicTimer(PollInterval, TimeProvider.System);
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                var now = Snapshot(path);
                if (!now.AsSpan().SequenceEqual(last))
                {
                    last = now;
                    _triggers.Writer.TryWrite(FileChanged);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    // The file's bytes, or none while it cannot be read (mid-rename, removed): its reload then names the problem.
    private static byte[] Snapshot(string path)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }
}
