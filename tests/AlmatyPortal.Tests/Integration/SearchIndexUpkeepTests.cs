using AlmatyPortal.Tests.Support;
using AlmatyPortal.Web.Features.Search;
using AlmatyPortal.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AlmatyPortal.Tests.Integration;

/// <summary>The SQLite full-text index after many writes: merged into one segment by the nightly upkeep, and still right.</summary>
public sealed class SearchIndexUpkeepTests
{
    [Fact]
    public async Task Merging_the_search_index_leaves_one_segment_that_finds_the_latest_text_and_not_the_replaced()
    {
        using var portal = new PortalFactory(null);
        var ids = await RetitleAsync(portal);
        var before = await Fts5Segments.CountAsync(portal);

        bool merged;
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            merged = await scope.ServiceProvider.GetRequiredService<SearchIndex>().OptimizeAsync(CancellationToken.None);
        }

        Assert.True(before > 1, $"the writes must leave more than one segment to merge ({before})");
        Assert.True(merged);
        Assert.Equal(1, await Fts5Segments.CountAsync(portal));
        var reader = portal.CreateReader();
        var found = Html.Text(await reader.GetStringAsync("/search?q=zebrafinch"));
        Assert.Equal(3, ids.Count);
        Assert.All(ids, id => Assert.Contains($"Zebrafinch bulletin {id}", found, StringComparison.Ordinal));
        Assert.DoesNotContain("Quinoxaline", Html.Text(await reader.GetStringAsync("/search?q=quinoxaline")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_portal_started_before_the_merge_hour_merges_the_index_at_that_hour_and_not_before()
    {
        // 02:00 in Almaty; the merge is set for 02:40. The clock's timers move only when the test moves them.
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 2, 2, 0, 0, TimeSpan.FromHours(5)));
        using var portal = new PortalFactory(null, new Dictionary<string, string?> { ["Search:MergeAt"] = "02:40" }) { Time = time };
        await RetitleAsync(portal);
        Assert.True(await Fts5Segments.CountAsync(portal) > 1, "the writes must leave more than one segment to merge");

        for (var i = 0; i < 3; i++)
        {
            time.Advance(TimeSpan.FromMinutes(13)); // 02:13, 02:26, 02:39
            await Task.Delay(200);
            Assert.True(await Fts5Segments.CountAsync(portal) > 1, $"merged before 02:40, at {time.GetUtcNow().ToOffset(TimeSpan.FromHours(5)):HH:mm}");
        }
        time.Advance(TimeSpan.FromMinutes(1)); // 02:40

        var segments = 0;
        for (var wait = 0; wait < 300 && (segments = await Fts5Segments.CountAsync(portal)) > 1; wait++)
        {
            await Task.Delay(100);
        }
        Assert.Equal(1, segments);
    }

    /// <summary>Three articles' search entries retitled twice each, every save its own transaction (as each editor's is):
    /// each write adds a segment to the index.</summary>
    private static async Task<List<int>> RetitleAsync(PortalFactory portal)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var ids = await db.SearchDocuments.Where(d => d.Language == "en").OrderBy(d => d.Id).Select(d => d.Id).Take(3).ToListAsync();
        foreach (var id in ids)
        {
            var document = await db.SearchDocuments.SingleAsync(d => d.Id == id);
            document.Title = $"Quinoxaline bulletin {id}";
            await db.SaveChangesAsync();
            document.Title = $"Zebrafinch bulletin {id}";
            await db.SaveChangesAsync();
        }
        return ids;
    }
}
