using AlmatyPortal.Tests.Support;
using AlmatyPortal.Web.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace AlmatyPortal.Tests.Integration;

/// <summary>An upgrade as the office's IT person does it: the new version started on the old version's database.</summary>
public sealed class UpgradeTests
{
    [Fact]
    public async Task A_database_two_migrations_behind_gets_them_at_start_and_the_portal_serves_it()
    {
        using var portal = new PortalFactory(null);
        var file = Path.Combine(portal.DataPath, "portal.db");
        string[] all;
        await using (var old = new PortalDbContext(new DbContextOptionsBuilder<PortalDbContext>().UseSqlite($"Data Source={file}").Options))
        {
            all = [.. old.Database.GetMigrations()];
            await old.GetService<IMigrator>().MigrateAsync(all[^3]);
            Assert.Equal(all[..^2], await old.Database.GetAppliedMigrationsAsync());
        }
        SqliteConnection.ClearAllPools();

        var home = await portal.CreateReader().GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(System.Net.HttpStatusCode.OK, home.StatusCode);
        await using var upgraded = new PortalDbContext(new DbContextOptionsBuilder<PortalDbContext>().UseSqlite($"Data Source={file}").Options);
        Assert.Equal(all, await upgraded.Database.GetAppliedMigrationsAsync());
    }

    [Theory]
    [InlineData(PortalDatabase.Sqlite)]
    [InlineData(PortalDatabase.PostgreSql)]
    public async Task The_start_finds_a_pending_migration_exactly_when_the_history_lacks_one_the_portal_knows(PortalDatabase database)
    {
        var folder = Directory.CreateTempSubdirectory("almaty-migrations").FullName;
        var postgres = database == PortalDatabase.PostgreSql ? PostgreSqlServer.CreateDatabase() : null;
        try
        {
            await using PortalDbContext db = postgres is null
                ? new PortalDbContext(new DbContextOptionsBuilder<PortalDbContext>().UseSqlite($"Data Source={Path.Combine(folder, "portal.db")}").Options)
                : new PostgreSqlPortalDbContext(new DbContextOptionsBuilder<PostgreSqlPortalDbContext>().UseNpgsql(postgres).Options);
            string[] all = [.. db.Database.GetMigrations()];
            var migrator = db.GetService<IMigrator>();

            var empty = await DatabaseInitializer.HasPendingMigrationsAsync(db, CancellationToken.None);
            await migrator.MigrateAsync(all[^2]);
            var oneBehind = await DatabaseInitializer.HasPendingMigrationsAsync(db, CancellationToken.None);
            await migrator.MigrateAsync();
            var current = await DatabaseInitializer.HasPendingMigrationsAsync(db, CancellationToken.None);
            // A newer version's migration in the history (a downgrade) is not one this version could apply.
            await db.Database.ExecuteSqlRawAsync("INSERT INTO \"__EFMigrationsHistory\" VALUES ('99990101000000_FromANewerVersion', '10.0.0')");
            var newer = await DatabaseInitializer.HasPendingMigrationsAsync(db, CancellationToken.None);

            Assert.Equal((true, true, false, false), (empty, oneBehind, current, newer));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
            if (postgres is not null)
            {
                PostgreSqlServer.DropDatabase(postgres);
            }
        }
    }
}
