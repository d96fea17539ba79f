using Parley.Core.Comments;
using Parley.Core.Config;
using Parley.Http.Edge;

namespace Parley.Hosting;

/// <summary>
/// Deletes stale pending comments at start-up and then every <c>purge-after</c> (spec/behaviour.md §11), while
/// moderation is on; both settings are read again each round, so a reload changes them.
/// </summary>
internal sealed class PurgeWorker(CommentService service, LiveConfig config, TimeProvider time, DiskFull diskFull, ILogger<PurgeWorker> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var moderation = config.Current.Moderation;
            try
            {
                var purged = moderation.Enabled ? await service.PurgeAsync(stoppingToken) : 0;
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
            await Task.Delay(TimeSpan.FromSeconds(Math.Max(60, moderation.PurgeAfter)), time, stoppingToken);
        }
    }
}
