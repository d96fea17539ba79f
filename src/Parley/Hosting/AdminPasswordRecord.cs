using Parley.Http.Admin;

namespace Parley.Hosting;

/// <summary>
/// Before the server answers, records in the database which admin password it holds. A different one than the
/// database last saw (the file edited by hand, or set while this server was stopped) ends every admin session,
/// as <c>config set-admin-password</c> does for a running server.
/// </summary>
internal sealed class AdminPasswordRecord(Parley.Core.Storage.ICommentStore store, AdminSession session) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => store.RecordAdminPasswordAsync(session.PasswordFingerprint, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
