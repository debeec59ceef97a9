using AlmatyPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AlmatyPortal.Tests.ScaleOut;

/// <summary>Instances started at the same moment on one new PostgreSQL database, as systemd starts them after a boot.</summary>
public sealed class StartTogetherTests
{
    [Fact]
    public async Task Three_instances_starting_together_on_an_empty_database_import_content_once()
    {
        var connection = PostgreSqlServer.CreateDatabase();
        var settings = new Dictionary<string, string?> { ["Portal:Database"] = "PostgreSQL", ["ConnectionStrings:Portal"] = connection };
        var instances = Enumerable.Range(0, 3).Select(_ => new PortalFactory(null, settings)).ToList();
        try
        {
            await Task.WhenAll(instances.Select(i => Task.Run(() => i.Services)));

            using var single = new PortalFactory(null, database: PortalDatabase.PostgreSql);
            var expected = await single.WithDbAsync(async db => (await db.Articles.CountAsync(), await db.Sections.CountAsync(), await db.Tags.CountAsync(), await db.Media.CountAsync()));
            var actual = await instances[0].WithDbAsync(async db => (await db.Articles.CountAsync(), await db.Sections.CountAsync(), await db.Tags.CountAsync(), await db.Media.CountAsync()));
            Assert.Equal(expected, actual);
            Assert.All(instances, i => Assert.Equal(System.Net.HttpStatusCode.OK, i.CreateReader().GetAsync(Seed.ArticleUrl).Result.StatusCode));
        }
        finally
        {
            instances.ForEach(i => i.Dispose());
            PostgreSqlServer.DropDatabase(connection);
        }
    }
}
