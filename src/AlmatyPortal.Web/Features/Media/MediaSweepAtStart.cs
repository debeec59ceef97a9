namespace AlmatyPortal.Web.Features.Media;

/// <summary>
/// When the site starts (after the database is ready, before requests): publishes the files of uploads whose rows
/// committed just before a crash, and deletes files no item names. Commands do not run it: a command beside a running
/// site must not take that site's uploads in flight (`media sweep` waits for files to age instead). On PostgreSQL other
/// instances may be uploading into the same shared folder as this one starts, so it leaves files younger than that
/// too.
/// </summary>
internal sealed class MediaSweepAtStart(IServiceScopeFactory scopes, IOptions<PortalOptions> options, ILogger<MediaSweepAtStart> logger) : IHostedLifecycleService
{
    /// <summary>The age past which a file no row names is left over from an interrupted upload, not one in flight.</summary>
    public static readonly TimeSpan InFlight = TimeSpan.FromMinutes(10);

    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var age = options.Value.UsesPostgreSQL ? InFlight : TimeSpan.Zero;
        var sweep = await scope.ServiceProvider.GetRequiredService<MediaLibrary>().SweepAsync(age, cancellationToken);
        if (sweep.Published > 0 || sweep.Deleted.Count > 0)
        {
            logger.LogWarning("Media sweep after an interrupted upload: published {Published} pending files, deleted {Deleted} files no item names",
                sweep.Published, sweep.Deleted.Count);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
