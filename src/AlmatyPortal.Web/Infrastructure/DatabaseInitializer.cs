using AlmatyPortal.Web.Features.Accounts;
using AlmatyPortal.Web.Features.Content;
using Microsoft.AspNetCore.Identity;

namespace AlmatyPortal.Web.Infrastructure;

/// <summary>
/// Before the server takes requests: applies migrations, turns on write-ahead logging, and imports content/
/// when the database is empty. Later imports are an explicit command, so staff edits are never overwritten at start-up.
/// </summary>
internal sealed class DatabaseInitializer(
    IServiceScopeFactory scopes, PortalPaths paths, IOptions<PortalOptions> options, ILogger<DatabaseInitializer> logger)
    : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(paths.DataPath);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        await EnsureStaffAsync(scope.ServiceProvider);
        var search = scope.ServiceProvider.GetRequiredService<Features.Search.SearchIndex>();
        if (await search.NeedsRebuildAsync(cancellationToken))
        {
            await search.RebuildAsync(cancellationToken);
        }

        if (options.Value.ImportOnStartup && !await db.Sections.AnyAsync(cancellationToken) && !await db.Articles.AnyAsync(cancellationToken))
        {
            logger.LogInformation("The database is empty: importing content from {ContentPath}", paths.ContentPath);
            var report = await scope.ServiceProvider.GetRequiredService<ContentImporter>().ImportAsync(paths.ContentPath, cancellationToken);
            if (report.HasProblems)
            {
                logger.LogWarning("Start-up import finished with problems: {Report}", report.ToString());
            }
        }
        await scope.ServiceProvider.GetRequiredService<Features.News.ArchiveMonthCounts>().EnsureAsync(cancellationToken);
        await scope.ServiceProvider.GetRequiredService<Features.Names.NameBook>().ReloadAsync(db, cancellationToken);
    }

    private async Task EnsureStaffAsync(IServiceProvider services)
    {
        var roles = services.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in StaffRoles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
        await services.GetRequiredService<StaffAccounts>()
            .EnsureFirstAdminAsync(services.GetRequiredService<IOptions<AdminOptions>>().Value, logger);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
