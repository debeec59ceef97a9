using System.Net;
using AlmatyPortal.Tests.Support;
using AlmatyPortal.Web.Features.Accounts;
using AlmatyPortal.Web.Features.Donations;
using AlmatyPortal.Web.Features.Insight;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlmatyPortal.Tests.Integration;

/// <summary>Reader and donor insight: reads counted on the server, cache or not, bots apart, nothing about the reader kept; the dashboard and its CSV.</summary>
public class InsightTests : IDisposable
{
    private readonly PortalFactory _portal;

    public InsightTests() : this(PortalDatabase.Sqlite)
    {
    }

    protected InsightTests(PortalDatabase database) =>
        _portal = new PortalFactory(null, new Dictionary<string, string?>(CachedReader.Settings) { ["Insight:FlushSeconds"] = "300" }, database);

    public void Dispose()
    {
        _portal.Dispose();
        GC.SuppressFinalize(this);
    }

    private Task<bool> FlushAsync() => _portal.WithServicesAsync(async sp =>
    {
        await sp.GetRequiredService<ReadCounter>().FlushAsync(CancellationToken.None);
        return true;
    });

    private Task<DateOnly> TodayAsync() => _portal.WithServicesAsync(sp => Task.FromResult(sp.GetRequiredService<AlmatyPortal.Web.Infrastructure.OfficeClock>().Today));

    private Task<List<PageRead>> ReadsAsync() => _portal.WithDbAsync(db => db.Set<PageRead>().AsNoTracking().OrderBy(r => r.Path).ThenBy(r => r.IsBot).ToListAsync());

    private static HttpRequestMessage Get(string url, string? userAgent)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (userAgent is not null)
        {
            request.Headers.TryAddWithoutValidation("User-Agent", userAgent);
        }
        return request;
    }

    private const string Browser = "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36";

    [Fact]
    public async Task Every_read_of_a_page_counts_once_for_its_day_including_reads_served_from_the_cache()
    {
        var client = _portal.CreateReader();
        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < 3; i++)
        {
            responses.Add(await client.SendAsync(Get(Seed.ArticleUrl, Browser)));
        }
        await FlushAsync();

        Assert.True(CachedReader.IsHit(responses[2]), "the third read was not served from the cache");
        var read = Assert.Single(await ReadsAsync());
        Assert.Equal((Seed.ArticleUrl, false, 3, await TodayAsync()), (read.Path, read.IsBot, read.Count, read.Day));
    }

    [Fact]
    public async Task Reads_by_bots_and_by_clients_without_a_user_agent_are_counted_apart()
    {
        var client = _portal.CreateReader();
        await client.SendAsync(Get(Seed.ArticleUrl, Browser));
        await client.SendAsync(Get(Seed.ArticleUrl, "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"));
        await client.SendAsync(Get(Seed.ArticleUrl, "curl/8.5.0"));
        await client.SendAsync(Get(Seed.ArticleUrl, null));
        await FlushAsync();

        Assert.Equal([(false, 1), (true, 3)], (await ReadsAsync()).Select(r => (r.IsBot, r.Count)));
    }

    [Fact]
    public async Task Staff_admin_pages_searches_missing_pages_and_files_are_not_counted()
    {
        var editor = await Staff.SignedInAsync(_portal, StaffRoles.Editor);
        var reader = _portal.CreateReader();
        await editor.SendAsync(Get(Seed.ArticleUrl, Browser));
        await editor.SendAsync(Get("/admin", Browser));
        foreach (var url in new[] { "/news/no-such-story", "/search?q=almaty", "/feeds/news.rss", "/sitemap.xml", "/api/v1/articles", "/css/site.css" })
        {
            await reader.SendAsync(Get(url, Browser));
        }
        await FlushAsync();

        Assert.Empty(await ReadsAsync());
    }

    [Fact]
    public async Task A_read_sets_no_cookie_and_only_the_day_path_bot_flag_and_count_are_stored()
    {
        var response = await _portal.CreateReader().SendAsync(Get(Seed.ArticleUrl + "?utm_source=mail", Browser));
        await FlushAsync();

        Assert.False(response.Headers.Contains("Set-Cookie"));
        var columns = await _portal.WithDbAsync(db => Task.FromResult(db.Model.FindEntityType(typeof(PageRead))!.GetProperties().Select(p => p.GetColumnName()).Order().ToList()));
        Assert.Equal(["Count", "Day", "IsBot", "Path"], columns);
        Assert.Equal(Seed.ArticleUrl, Assert.Single(await ReadsAsync()).Path);
    }

    private async Task SeedCountsAsync()
    {
        var today = await TodayAsync();
        await _portal.WithDbAsync(async db =>
        {
            db.Set<PageRead>().AddRange(
                new PageRead { Day = today, Path = Seed.ArticleUrl, Count = 1500 },
                new PageRead { Day = today.AddDays(-3), Path = Seed.ArticleUrl, Count = 500 },
                new PageRead { Day = today, Path = Seed.ArticleUrl, IsBot = true, Count = 70 },
                new PageRead { Day = today, Path = "/ru/news/" + Seed.RussianArticleSlug, Count = 400 },
                new PageRead { Day = today.AddDays(-40), Path = "/news/long-ago", Count = 9999 });
            db.DonationClicks.AddRange(
                new DonationClick { Day = today, SourcePath = Seed.ArticleUrl, Count = 5 },
                new DonationClick { Day = today.AddDays(-1), SourcePath = "/", Count = 2 });
            await db.SaveChangesAsync();
        });
    }

    [Fact]
    public async Task The_dashboard_draws_each_series_as_svg_with_its_numbers_in_a_table_and_ranks_articles_and_donate_clicks()
    {
        await SeedCountsAsync();
        var editor = await Staff.SignedInAsync(_portal, StaffRoles.Editor);

        var html = await editor.GetStringAsync("/admin/insight");
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);

        var charts = document.QuerySelectorAll("svg.chart[role=img]");
        Assert.Equal(["Reads by people a day", "Donate clicks a day", "Reads by bots a day"], charts.Select(c => c.QuerySelector("title")!.TextContent));
        Assert.All(charts, c => Assert.Equal(30, c.QuerySelectorAll("rect").Length));
        Assert.Equal(30, document.QuerySelectorAll(".chart-figure")[0].QuerySelectorAll("details tbody tr").Length);
        Assert.Equal(2400, document.QuerySelectorAll(".chart-figure")[0].QuerySelectorAll("details tbody tr")
            .Sum(r => int.Parse(r.Children[1].TextContent, System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Empty(document.QuerySelectorAll("script:not([src])"));

        var mostRead = document.QuerySelector("#most-read")!.ParentElement!.QuerySelectorAll("tbody tr").Select(r => r.Children.Select(c => c.TextContent.Trim()).ToList()).ToList();
        Assert.Equal("UNHCR convenes regional conference on refugee protection and migration " + Seed.ArticleUrl, mostRead[0][0]);
        Assert.Equal(["2,000", "70", "5", "2.5"], mostRead[0].Skip(1));
        Assert.Equal(2, mostRead.Count);
        var clicks = document.QuerySelector("#donate-by-page")!.ParentElement!.QuerySelectorAll("tbody tr").Select(r => r.Children[0].TextContent.Trim()).ToList();
        Assert.Equal(2, clicks.Count);
        Assert.Equal("/", clicks[1]);
    }

    [Fact]
    public async Task The_csv_export_has_a_line_per_day_and_page_and_refuses_a_bad_number_of_days()
    {
        await SeedCountsAsync();
        var editor = await Staff.SignedInAsync(_portal, StaffRoles.Editor);

        var response = await editor.GetAsync("/admin/insight/export?days=30");
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var today = (await TodayAsync()).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("day,path,title,reads,bot_reads,donate_clicks", lines[0]);
        Assert.Contains($"{today},\"{Seed.ArticleUrl}\",\"UNHCR convenes regional conference on refugee protection and migration\",1500,70,5", lines);
        Assert.DoesNotContain(lines, l => l.Contains("long-ago", StringComparison.Ordinal));
        Assert.Equal(5, lines.Length);
        var bad = await editor.GetAsync("/admin/insight/export?days=abc");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("Choose a number of days", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_title_that_a_spreadsheet_would_run_is_exported_as_plain_text()
    {
        var today = await TodayAsync();
        await _portal.WithDbAsync(async db =>
        {
            var article = await db.Articles.SingleAsync(a => a.Slug == Seed.ArticleSlug);
            article.Title = "=HYPERLINK(\"http://evil.example\",\"x\")";
            db.Set<PageRead>().Add(new PageRead { Day = today, Path = Seed.ArticleUrl, Count = 1 });
            await db.SaveChangesAsync();
        });
        var editor = await Staff.SignedInAsync(_portal, StaffRoles.Editor);

        var csv = await editor.GetStringAsync("/admin/insight/export?days=1");

        Assert.Contains(",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",", csv, StringComparison.Ordinal);
    }
}

public sealed class InsightOnPostgreSqlTests() : InsightTests(PortalDatabase.PostgreSql);

/// <summary>A database error in the read counter's background work is logged and retried; it never stops the portal.</summary>
public sealed class ReadCounterFailureTests : IDisposable
{
    private readonly PortalFactory _portal = new(null, new Dictionary<string, string?> { ["Insight:FlushSeconds"] = "1" });

    public void Dispose() => _portal.Dispose();

    [Fact]
    public async Task A_failing_prune_or_flush_is_logged_as_a_warning_and_the_portal_keeps_running()
    {
        var lifetime = _portal.Services.GetRequiredService<Microsoft.Extensions.Hosting.IHostApplicationLifetime>();
        // The table the counts go to is gone, as a locked or unreachable database would make every write fail.
        await _portal.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("""DROP TABLE "PageReads";"""));
        await _portal.CreateReader().GetAsync(Seed.ArticleUrl);

        await Task.Delay(TimeSpan.FromSeconds(3.5));

        Assert.False(lifetime.ApplicationStopping.IsCancellationRequested, "the portal was stopped by the read counter");
        Assert.Equal(System.Net.HttpStatusCode.OK, (await _portal.CreateReader().GetAsync("/news")).StatusCode);
    }
}
