using Parley.Core.Comments;
using Parley.Core.Config;
using Parley.Http.Edge;

namespace Parley.Hosting;

/// <summary>Deletes stale pending comments at start-up and then every <c>purge-after</c> (spec/behaviour.md §11).</summary>
internal sealed class PurgeWorker(CommentService service, ParleyConfig config, TimeProvider time, DiskFull diskFull, ILogger<PurgeWorker> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(Math.Max(60, config.Moderation.PurgeAfter));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var purged = await service.PurgeAsync(stoppingToken);
                if (purged > 0)
                {
                    log.LogInformation("Purged {Count} pending comments", purged);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException && DiskFull.Is(e))
            {
                diskFull.Refused(e);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Purging pending comments failed; trying again at the next interval");
            }
            await Task.Delay(interval, time, stoppingToken);
        }
    }
}
