using AlmatyPortal.Tests.Support;
using AlmatyPortal.Web.Features.Publishing;
using Microsoft.EntityFrameworkCore;

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
}
