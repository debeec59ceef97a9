using AlmatyPortal.Tests.Support;
using AlmatyPortal.Web.Features.Publishing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlmatyPortal.Tests.Admin;

public sealed class SchedulerRestartTests
{
    [Fact]
    public async Task Articles_that_fell_due_while_the_portal_was_down_are_published_at_start_up()
    {
        using var content = new ContentFolder();
        content.WriteArticle("2030-01-01-embargo.md", "title: Embargoed until 2030\nsection: news\nstatus: published\npublish_date: 2030-01-01T09:00:00+06:00");
        string data;
        using (var before = new PortalFactory(content.Path, new Dictionary<string, string?> { ["Portal:SchedulerIntervalSeconds"] = "3600" }))
        {
            data = before.DataPath;
            Assert.Equal(PublicationStatus.Scheduled, await before.WithDbAsync(db => db.Articles.Where(a => a.Slug == "embargoed-until-2030").Select(a => a.Status).SingleAsync()));
            // Keep the database: the next portal starts on it, as after a restart.
            before.KeepData = true;
        }

        using var after = new PortalFactory(content.Path, new Dictionary<string, string?> { ["Portal:DataPath"] = data, ["Portal:SchedulerIntervalSeconds"] = "3600" });
        after.Clock.Set(new DateTimeOffset(2030, 1, 2, 0, 0, 0, TimeSpan.Zero));
        _ = after.Services;

        var status = PublicationStatus.Scheduled;
        for (var i = 0; i < 100 && status != PublicationStatus.Published; i++)
        {
            await Task.Delay(50);
            status = await after.WithDbAsync(db => db.Articles.Where(a => a.Slug == "embargoed-until-2030").Select(a => a.Status).SingleAsync());
        }
        Assert.Equal(PublicationStatus.Published, status);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await after.CreateReader().GetAsync("/news/embargoed-until-2030")).StatusCode);
        after.KeepData = true;
        after.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(data, recursive: true);
    }

    [Fact]
    public async Task A_conflict_in_a_scheduler_round_leaves_the_other_due_articles_to_the_next_round_each_published_once()
    {
        using var content = new ContentFolder();
        content.WriteArticle("2030-01-01-first.md", "title: First embargo\nsection: news\nstatus: published\npublish_date: 2030-01-01T09:00:00+06:00");
        content.WriteArticle("2030-01-02-second.md", "title: Second embargo\nsection: news\nstatus: published\npublish_date: 2030-01-02T09:00:00+06:00");
        using var portal = new PortalFactory(content.Path, new Dictionary<string, string?> { ["Portal:SchedulerIntervalSeconds"] = "3600" });
        _ = portal.Services;
        portal.Clock.Set(new DateTimeOffset(2030, 1, 3, 0, 0, 0, TimeSpan.Zero));
        // Someone else's save wins the first article during the round: its update finds no row at the version read.
        await portal.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("""
            CREATE TRIGGER "test_conflict" BEFORE UPDATE ON "Articles" WHEN old."Slug" = 'first-embargo' BEGIN SELECT RAISE(IGNORE); END;
            """));
        Task<int> RoundAsync() => portal.WithServicesAsync(sp => sp.GetRequiredService<Web.Features.Articles.ScheduledPublishing>().PublishDueAsync());

        await RoundAsync();
        await portal.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("""DROP TRIGGER "test_conflict";"""));
        await RoundAsync();
        await RoundAsync();

        var revisions = await portal.WithDbAsync(db => db.ArticleRevisions.Where(r => r.Note == "published on schedule")
            .Join(db.Articles, r => r.ArticleId, a => a.Id, (r, a) => a.Slug).ToListAsync());
        var audit = await portal.WithDbAsync(db => db.AuditEntries.Where(e => e.Actor == Web.Features.Articles.ScheduledPublishing.Publisher).Select(e => e.Target).ToListAsync());
        Assert.Equal(["first-embargo", "second-embargo"], revisions.Order());
        Assert.Equal(2, audit.Count);
        Assert.All(await portal.WithDbAsync(db => db.Articles.Where(a => a.Slug.EndsWith("-embargo")).Select(a => a.Status).ToListAsync()),
            status => Assert.Equal(PublicationStatus.Published, status));
    }
}
