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
}
