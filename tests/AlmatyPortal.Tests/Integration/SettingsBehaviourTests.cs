using System.Net;
using AlmatyPortal.Tests.Support;
using AlmatyPortal.Web.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlmatyPortal.Tests.Integration;

/// <summary>Settings and start-up behaviour that had no test of their own.</summary>
public sealed class SettingsBehaviourTests
{
    [Fact]
    public async Task With_import_on_startup_off_an_empty_database_stays_empty()
    {
        using var portal = new PortalFactory(null, new Dictionary<string, string?> { ["Portal:ImportOnStartup"] = "false" });

        Assert.Equal(HttpStatusCode.NotFound, (await portal.CreateReader().GetAsync(Seed.ArticleUrl)).StatusCode);
        Assert.Equal(0, await portal.WithDbAsync(db => db.Articles.CountAsync()));
    }

    [Fact]
    public async Task A_restart_does_not_import_again_so_staff_changes_survive()
    {
        string data;
        using (var first = new PortalFactory(null) { KeepData = true })
        {
            data = first.DataPath;
            await first.WithDbAsync(async db =>
            {
                var article = await db.Articles.SingleAsync(a => a.Slug == Seed.ArticleSlug);
                article.Title = "Changed by staff";
                await db.SaveChangesAsync();
            });
        }
        SqliteConnection.ClearAllPools();

        using var second = new PortalFactory(null, new Dictionary<string, string?> { ["Portal:DataPath"] = data });

        Assert.Contains("Changed by staff", await second.CreateReader().GetStringAsync(Seed.ArticleUrl), StringComparison.Ordinal);
        Assert.Equal(2, await second.WithDbAsync(db => db.Articles.CountAsync()));
        Directory.Delete(data, recursive: true);
    }

    [Fact]
    public async Task The_database_runs_in_wal_mode_with_full_synchronous_writes()
    {
        using var portal = new PortalFactory(null);
        await portal.CreateReader().GetAsync("/");

        var (journal, synchronous) = await portal.WithDbAsync(async db =>
        {
            await db.Database.OpenConnectionAsync();
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "PRAGMA journal_mode";
            var mode = (string)(await command.ExecuteScalarAsync())!;
            command.CommandText = "PRAGMA synchronous";
            return (mode, (long)(await command.ExecuteScalarAsync())!);
        });

        Assert.Equal("wal", journal);
        Assert.Equal(2, synchronous); // FULL
    }

    [Fact]
    public async Task Every_connection_new_or_taken_again_from_the_pool_keeps_full_synchronous_writes_foreign_keys_the_busy_wait_the_small_page_cache_and_stable_query_plans()
    {
        using var portal = new PortalFactory(null);
        await portal.CreateReader().GetAsync("/");
        var pool = portal.Services.GetRequiredService<SqliteConnections>();

        // More at once than the pool keeps at rest: round 0 opens new connections, round 1 takes most of them again and
        // opens the rest anew; a scope's context runs on one of them.
        var before = new List<SqliteConnection>();
        for (var round = 0; round < 2; round++)
        {
            var connections = Enumerable.Range(0, SqliteConnections.MaxResting + 2).Select(_ => pool.Rent()).ToList();
            Assert.Equal(round == 1, connections.Intersect(before).Any());
            before = connections;
            foreach (var connection in connections)
            {
                Assert.Equal(Expected, Settings(connection));
            }
            connections.ForEach(pool.Return);
            Assert.Equal(Expected, await portal.WithDbAsync(db => Task.FromResult(Settings((SqliteConnection)db.Database.GetDbConnection()))));
        }
    }

    [Fact]
    public async Task A_connection_closed_under_a_context_and_opened_again_by_EF_on_a_new_handle_gets_the_same_settings_page_cache_and_stable_query_plans()
    {
        using var portal = new PortalFactory(null);

        var settings = await portal.WithDbAsync(async db =>
        {
            var connection = (SqliteConnection)db.Database.GetDbConnection();
            connection.Close();
            SqliteConnection.ClearAllPools();
            await db.Database.OpenConnectionAsync(); // EF opens it again, on a new handle
            return Settings(connection);
        });

        Assert.Equal(Expected, settings);
    }

    // synchronous FULL, foreign keys on, a 10 s busy wait, the pool's small page cache (negative: in KiB), and the query
    // planner's stability guarantee on (plans that do not depend on bound values, so kept statements stay compiled).
    private static readonly (long, long, long, long, long) Expected = (2L, 1L, 10000L, -(long)SqliteConnections.PageCacheKiB, 1L);

    private static (long Synchronous, long ForeignKeys, long BusyTimeout, long CacheSize, long StablePlans) Settings(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        long Read(string pragma)
        {
            command.CommandText = $"PRAGMA {pragma}";
            return (long)command.ExecuteScalar()!;
        }
        // -1 reads the setting without changing it.
        SQLitePCL.raw.sqlite3_db_config(connection.Handle, SQLitePCL.raw.SQLITE_DBCONFIG_ENABLE_QPSG, -1, out var stablePlans);
        return (Read("synchronous"), Read("foreign_keys"), Read("busy_timeout"), Read("cache_size"), stablePlans);
    }

    [Fact]
    public async Task A_configured_site_name_is_in_the_header_titles_and_feeds()
    {
        using var portal = new PortalFactory(null, new Dictionary<string, string?> { ["Portal:SiteName"] = "Refugee Agency Almaty Office" });
        var reader = portal.CreateReader();

        var home = await reader.GetStringAsync("/");
        var feed = await reader.GetStringAsync("/feeds/news.rss");

        Assert.Contains("<title>Refugee Agency Almaty Office</title>", home, StringComparison.Ordinal);
        Assert.Contains("Refugee Agency Almaty Office", Html.Text(Html.Section(home, "<header", "header")), StringComparison.Ordinal);
        Assert.Contains("Refugee Agency Almaty Office", feed, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Asia/Almaty", "17.03.2011")]
    [InlineData("UTC", "16.03.2011")]
    public async Task Dates_are_shown_in_the_configured_time_zone(string zone, string shown)
    {
        using var content = new ContentFolder(copySeed: false);
        content.Write("sections.yml", "- slug: news\n  name: News\n");
        content.WriteArticle("late.md", "title: Filed late at night\nslug: filed-late\nsection: news\nstatus: published\npublish_date: 2011-03-17T02:00:00+06:00");
        using var portal = new PortalFactory(content.Path, new Dictionary<string, string?> { ["Portal:TimeZone"] = zone });

        var text = Html.Text(await portal.CreateReader().GetStringAsync("/news/filed-late"));

        Assert.Contains(shown, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_publish_time_the_office_clock_skips_schedules_the_article_instead_of_failing()
    {
        // Berlin moves its clocks from 02:00 to 03:00 on 28 March 2027, so the editor's 02:30 never shows on a clock there.
        using var portal = new PortalFactory(null, new Dictionary<string, string?> { ["Portal:TimeZone"] = "Europe/Berlin" });
        var editor = await Staff.SignedInAsync(portal, Web.Features.Accounts.StaffRoles.Editor);

        var response = await Editor.PostAsync(editor, null, "Publish",
            Editor.Fields("Spring embargo", "Text.", await Seed.SectionIdAsync(portal), slug: "spring-embargo", publishAt: "2027-03-28T02:30"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var article = await portal.WithDbAsync(db => db.Articles.AsNoTracking().SingleAsync(a => a.Slug == "spring-embargo"));
        Assert.Equal(Web.Features.Publishing.PublicationStatus.Scheduled, article.Status);
        Assert.Equal(new DateTime(2027, 3, 28, 1, 30, 0), article.PublishAt);
    }

    [Fact]
    public async Task Every_page_carries_the_security_headers()
    {
        using var portal = new PortalFactory(null);

        var response = await portal.CreateReader().GetAsync(Seed.ArticleUrl);

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        foreach (var directive in new[] { "default-src 'self'", "script-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'" })
        {
            Assert.Contains(directive, csp, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Search_rebuild_through_the_entry_point_restores_a_wiped_index()
    {
        using var portal = new PortalFactory(null, new Dictionary<string, string?> { ["PageCache:PurgeLogPollSeconds"] = "0.1" }) { KeepData = true };
        await portal.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("DELETE FROM \"SearchDocuments\""));
        Assert.DoesNotContain(Seed.ArticleUrl, await portal.CreateReader().GetStringAsync("/search?q=refugee"), StringComparison.Ordinal);
        var entry = typeof(Program).Assembly.EntryPoint!;

        var exit = await Task.Run(() => (int)entry.Invoke(null, [new[] { "search", "rebuild", $"--Portal:DataPath={portal.DataPath}" }])!);

        Assert.Equal(0, exit);
        // The command ran in its own host; the running portal learns of its purge from the purge log (polled every 0.1 s here).
        var found = false;
        for (var i = 0; i < 100 && !found; i++)
        {
            found = (await portal.CreateReader().GetStringAsync("/search?q=refugee")).Contains(Seed.ArticleUrl, StringComparison.Ordinal);
            await Task.Delay(100);
        }
        Assert.True(found, "the running portal still served the search results from before the rebuild after 10 seconds");
    }
}
