using AlmatyPortal.Tests.Support;
using AlmatyPortal.Web.Features.Articles;
using AlmatyPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
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

    [Fact]
    public async Task An_editor_saving_a_due_article_during_a_scheduler_round_ends_the_round_as_a_conflict_and_the_next_round_publishes_it_once()
    {
        using var content = new ContentFolder();
        content.WriteArticle("2030-01-01-first.md", "title: First embargo\nsection: news\nstatus: published\npublish_date: 2030-01-01T09:00:00+06:00");
        content.WriteArticle("2030-01-02-second.md", "title: Second embargo\nsection: news\nstatus: published\npublish_date: 2030-01-02T09:00:00+06:00");
        using var portal = new PortalFactory(content.Path, new Dictionary<string, string?> { ["Portal:SchedulerIntervalSeconds"] = "3600" });
        using var host = WithoutBackgroundRounds(portal);
        // An editor saves the second article while the round publishes the first: that save commits its own revision
        // at the version the round read, so the round's revision for it clashes on (ArticleId, Version).
        await WithDbAsync(host, db => db.Database.ExecuteSqlRawAsync("""
            CREATE TRIGGER "test_editor_saves" AFTER UPDATE OF "Status" ON "Articles" WHEN new."Slug" = 'first-embargo' BEGIN
              UPDATE "Articles" SET "Version" = "Version" + 1, "Title" = 'Second embargo, edited' WHERE "Slug" = 'second-embargo';
              INSERT INTO "ArticleRevisions" ("ArticleId", "Version", "SavedAt", "SavedBy", "IsAutosave", "Note", "Title", "Slug", "Summary", "BodyMarkdown", "SectionId", "Tags", "PublishAt", "Status")
                SELECT "Id", "Version", '2030-01-02 23:00:00', 'editor@example.org', 0, 'edited meanwhile', "Title", "Slug", "Summary", "BodyMarkdown", "SectionId", '', "PublishAt", "Status"
                FROM "Articles" WHERE "Slug" = 'second-embargo';
            END;
            """));
        portal.Clock.Set(new DateTimeOffset(2030, 1, 3, 0, 0, 0, TimeSpan.Zero));
        Task<int> RoundAsync() => WithServicesAsync(host, sp => sp.GetRequiredService<ScheduledPublishing>().PublishDueAsync());

        Assert.Equal(1, await RoundAsync());
        await WithDbAsync(host, db => db.Database.ExecuteSqlRawAsync("""DROP TRIGGER "test_editor_saves";"""));
        Assert.Equal(1, await RoundAsync());
        Assert.Equal(0, await RoundAsync());

        var second = await WithDbAsync(host, db => db.Articles.Where(a => a.Slug == "second-embargo").Select(a => new { a.Title, a.Status, a.Version }).SingleAsync());
        Assert.Equal(("Second embargo, edited", PublicationStatus.Published), (second.Title, second.Status));
        var notes = await WithDbAsync(host, db => db.ArticleRevisions.Where(r => r.Article!.Slug == "second-embargo").OrderBy(r => r.Version).Select(r => r.Note).ToListAsync());
        Assert.Equal(["edited meanwhile", "published on schedule"], notes.Skip(notes.Count - 2));
        Assert.Single(notes, n => n == "published on schedule");
    }

    [Fact]
    public async Task A_scheduler_save_failing_for_another_reason_than_a_conflict_is_reported_and_publishes_nothing()
    {
        using var content = new ContentFolder();
        content.WriteArticle("2030-01-01-first.md", "title: First embargo\nsection: news\nstatus: published\npublish_date: 2030-01-01T09:00:00+06:00");
        using var portal = new PortalFactory(content.Path, new Dictionary<string, string?> { ["Portal:SchedulerIntervalSeconds"] = "3600" });
        using var host = WithoutBackgroundRounds(portal);
        await WithDbAsync(host, db => db.Database.ExecuteSqlRawAsync("""
            CREATE TRIGGER "test_refuse" BEFORE INSERT ON "ArticleRevisions" BEGIN SELECT RAISE(ABORT, 'refused by the test'); END;
            """));
        portal.Clock.Set(new DateTimeOffset(2030, 1, 3, 0, 0, 0, TimeSpan.Zero));

        await Assert.ThrowsAsync<DbUpdateException>(() => WithServicesAsync(host, sp => sp.GetRequiredService<ScheduledPublishing>().PublishDueAsync()));

        Assert.Equal(PublicationStatus.Scheduled, await WithDbAsync(host, db => db.Articles.Where(a => a.Slug == "first-embargo").Select(a => a.Status).SingleAsync()));
    }

    // The host's own round at start-up would race the test's rounds; these tests run every round themselves.
    private static WebApplicationFactory<Program> WithoutBackgroundRounds(PortalFactory portal) =>
        portal.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.Remove(s.Single(d => d.ImplementationType == typeof(ScheduledPublisher)))));

    private static async Task<T> WithServicesAsync<T>(WebApplicationFactory<Program> host, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    private static Task<T> WithDbAsync<T>(WebApplicationFactory<Program> host, Func<PortalDbContext, Task<T>> work) =>
        WithServicesAsync(host, sp => work(sp.GetRequiredService<PortalDbContext>()));
}
