using System.Globalization;
using AlmatyPortal.Tests.Support;

namespace AlmatyPortal.Tests.Integration;

/// <summary>How SQLite runs a search: what it reads for the many matches it weighs, and for the few it shows.</summary>
public sealed class SearchPlanTests : IDisposable
{
    private readonly ContentFolder _content = new();
    private readonly PortalFactory _portal;

    public SearchPlanTests()
    {
        for (var i = 1; i <= 12; i++)
        {
            _content.WriteArticle($"2013-01-{i.ToString("00", CultureInfo.InvariantCulture)}-report.md", $"""
                title: Field report {i.ToString(CultureInfo.InvariantCulture)}
                section: news
                status: published
                publish_date: 2013-01-{i.ToString("00", CultureInfo.InvariantCulture)}T09:00:00+06:00
                """, "The monthly report from the field office, with its figures.");
        }
        _portal = new PortalFactory(_content.Path);
        _ = _portal.Services;
    }

    public void Dispose()
    {
        _portal.Dispose();
        _content.Dispose();
    }

    /// <summary>
    /// A document's row holds its whole text. A common word has up to RankedMatches candidates, each checked for its
    /// language (and the filters) and sorted by its date: those come from an index that holds them. Only the page's own
    /// documents are read, for their titles and snippets.
    /// </summary>
    [Theory]
    [InlineData("/search?q=report")]
    [InlineData("/search?q=report&year=2013")]
    [InlineData("/search?q=report&section=news")]
    [InlineData("/ru/search?q=report")]
    public async Task A_search_weighs_its_matches_from_an_index_and_reads_only_the_shown_documents_rows(string url)
    {
        using var counter = new QueryCounter(_portal);
        (await _portal.CreateReader().GetAsync(url)).EnsureSuccessStatusCode();

        var searches = QueryPlans.Of(_portal, counter).Where(p => p.Sql.Contains("\"SearchEntries\" MATCH", StringComparison.Ordinal)).ToList();
        var documentSteps = searches.Where(p => p.Step.StartsWith("SEARCH d ", StringComparison.Ordinal)).ToList();
        var count = documentSteps.Where(p => p.Sql.Contains("COUNT(*)", StringComparison.Ordinal)).ToList();
        var page = documentSteps.Except(count).ToList();
        Assert.NotEmpty(count);
        Assert.All(count, p => Assert.Contains("COVERING INDEX IX_SearchDocuments_Matches ", p.Step, StringComparison.Ordinal));
        // The page's query: the candidates' language and filters, their dates, then the rows of the ten shown.
        Assert.Equal(3, page.Count);
        Assert.Equal(2, page.Count(p => p.Step.Contains("COVERING INDEX IX_SearchDocuments_Matches ", StringComparison.Ordinal)));
        Assert.Single(page, p => p.Step.Contains("INTEGER PRIMARY KEY", StringComparison.Ordinal));
    }
}
