using AlmatyPortal.Web.Features.Accounts;
using AlmatyPortal.Web.Features.Content;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore.Migrations;

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
        // Instances started together on one PostgreSQL database take turns: the first migrates the database and
        // imports content/ into it, the others find both done.
        await AdvisoryLock.RunAsync(db, StartupLock, wait: true, async () =>
        {
            // Asking first spares an up-to-date database the migrator, which builds the whole design-time model (the
            // compiled model in CompiledModels/ is only the runtime one): about half a second of every start.
            if (await HasPendingMigrationsAsync(db, cancellationToken))
            {
                await db.Database.MigrateAsync(cancellationToken);
            }
            if (db.Database.IsSqlite())
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
                LogSqliteEngine();
            }
            await PrepareAsync(scope.ServiceProvider, db, cancellationToken);
        }, cancellationToken);
    }

    /// <summary>
    /// Whether a migration the portal knows is missing from the database's history. EF's own GetPendingMigrationsAsync
    /// first builds a model of the history table to write the same SELECT (about 60 ms of every start); this reads the
    /// table with plain commands, after asking the database whether it exists (a new database has none yet).
    /// </summary>
    internal static async Task<bool> HasPendingMigrationsAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        const string table = HistoryRepository.DefaultTableName;
        var applied = new HashSet<string>(StringComparer.Ordinal);
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var connection = db.Database.GetDbConnection();
            await using (var exists = connection.CreateCommand())
            {
                // Both look the name up as the SELECT below would (PostgreSQL: along the search path).
                exists.CommandText = db.OnPostgreSql
                    ? $"SELECT to_regclass('\"{table}\"') IS NOT NULL"
                    : $"SELECT COUNT(*) > 0 FROM sqlite_master WHERE type = 'table' AND name = '{table}'";
                if (!Convert.ToBoolean(await exists.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture))
                {
                    return true;
                }
            }
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT \"MigrationId\" FROM \"{table}\"";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                applied.Add(reader.GetString(0));
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        return db.Database.GetMigrations().Any(id => !applied.Contains(id));
    }

    private void LogSqliteEngine()
    {
        if (SqliteEngine.AllocationStatisticsOff)
        {
            logger.LogInformation("SQLite {Version}, without allocation statistics (connections do not share their lock)", SqliteEngine.Version);
        }
        else
        {
            logger.LogWarning("SQLite {Version} was started before the portal could turn its allocation statistics off; connections share their lock", SqliteEngine.Version);
        }
    }

    /// <summary>The PostgreSQL advisory lock held while one instance prepares the database ("AlmatyP0").</summary>
    private const long StartupLock = 0x416C6D6174795030;

    /// <summary>Staff roles and the first admin, the search index, the first import, the archive counts and the names.</summary>
    private async Task PrepareAsync(IServiceProvider services, PortalDbContext db, CancellationToken cancellationToken)
    {
        await EnsureStaffAsync(services);
        var search = services.GetRequiredService<Features.Search.SearchIndex>();
        if (await search.NeedsRebuildAsync(cancellationToken))
        {
            await search.RebuildAsync(cancellationToken);
        }

        if (options.Value.ImportOnStartup && !await db.Sections.AnyAsync(cancellationToken) && !await db.Articles.AnyAsync(cancellationToken))
        {
            logger.LogInformation("The database is empty: importing content from {ContentPath}", paths.ContentPath);
            var report = await services.GetRequiredService<ContentImporter>().ImportAsync(paths.ContentPath, cancellationToken);
            if (report.HasProblems)
            {
                logger.LogWarning("Start-up import finished with problems: {Report}", report.ToString());
            }
        }
        await services.GetRequiredService<Features.News.ArchiveMonthCounts>().EnsureAsync(cancellationToken);
        await services.GetRequiredService<Features.Names.NameBook>().ReloadAsync(db, cancellationToken);
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
