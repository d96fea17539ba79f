using Parley.Core.Comments;
using Parley.Core.Config;
using Parley.Http.Edge;

namespace Parley.Hosting;

/// <summary>
/// <c>[demo] enabled</c>: seeds the demo thread at start and wipes the database back to it every
/// <c>reset-every</c>, so a public demo cannot be vandalised for long.
/// </summary>
internal sealed class DemoReset(CommentService service, LiveConfig config, TimeProvider time, DiskFull diskFull, ILogger<DemoReset> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(config.Current.Demo.ResetEvery);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var seeded = await service.ResetToDemoAsync(stoppingToken);
                log.LogInformation("Demo reset: {Count} comments in {Uri}; next reset in {Interval}", seeded, DemoThread.Uri, interval);
            }
            catch (Exception e) when (e is not OperationCanceledException && DiskFull.Is(e))
            {
                diskFull.Refused(e);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Demo reset failed; trying again at the next interval");
            }
            await Task.Delay(interval, time, stoppingToken);
        }
    }
}
