using AlmatyPortal.Tests.Support;
using AlmatyPortal.Web.Features.Search;
using AlmatyPortal.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlmatyPortal.Tests.Integration;

/// <summary>The SQLite full-text index after many writes: merged into one segment by the daily upkeep, and still right.</summary>
public sealed class SearchIndexUpkeepTests : IDisposable
{
    private readonly PortalFactory _portal = new(null);

    public void Dispose() => _portal.Dispose();

    [Fact]
    public async Task Merging_the_search_index_leaves_one_segment_that_finds_the_latest_text_and_not_the_replaced()
    {
        List<int> ids;
        await using (var scope = _portal.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            ids = await db.SearchDocuments.Where(d => d.Language == "en").OrderBy(d => d.Id).Select(d => d.Id).Take(3).ToListAsync();
            // Each write is its own transaction, as each editor's save is, and adds a segment to the index.
            foreach (var id in ids)
            {
                var document = await db.SearchDocuments.SingleAsync(d => d.Id == id);
                document.Title = $"Quinoxaline bulletin {id}";
                await db.SaveChangesAsync();
                document.Title = $"Zebrafinch bulletin {id}";
                await db.SaveChangesAsync();
            }
        }
        var before = await Fts5Segments.CountAsync(_portal);

        bool merged;
        await using (var scope = _portal.Services.CreateAsyncScope())
        {
            merged = await scope.ServiceProvider.GetRequiredService<SearchIndex>().OptimizeAsync(CancellationToken.None);
        }

        Assert.True(before > 1, $"the writes must leave more than one segment to merge ({before})");
        Assert.True(merged);
        Assert.Equal(1, await Fts5Segments.CountAsync(_portal));
        var reader = _portal.CreateReader();
        var found = Html.Text(await reader.GetStringAsync("/search?q=zebrafinch"));
        Assert.Equal(3, ids.Count);
        Assert.All(ids, id => Assert.Contains($"Zebrafinch bulletin {id}", found, StringComparison.Ordinal));
        Assert.DoesNotContain("Quinoxaline", Html.Text(await reader.GetStringAsync("/search?q=quinoxaline")), StringComparison.Ordinal);
    }
}
