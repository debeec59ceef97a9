using System.Globalization;
using AlmatyPortal.Tests.Support;
using Microsoft.Data.Sqlite;

namespace AlmatyPortal.Tests.Integration;

/// <summary>Each public page runs a fixed number of queries, however many articles, tags or countries it shows.</summary>
public sealed class QueryCountTests : IDisposable
{
    private readonly ContentFolder _content = new();
    private readonly PortalFactory _portal;

    public QueryCountTests()
    {
        for (var i = 1; i <= 9; i++)
        {
            _content.WriteArticle($"2013-01-0{i}-item-{i}.md", $"""
                title: Item {i.ToString(CultureInfo.InvariantCulture)}
                section: news
                status: published
                publish_date: 2013-01-0{i.ToString(CultureInfo.InvariantCulture)}T09:00:00+06:00
                tags: [Tag {i.ToString(CultureInfo.InvariantCulture)}, Common]
                conferences: [{Seed.ConferenceSlug}]
                """);
        }
        _portal = new PortalFactory(_content.Path);
        _ = _portal.Services;
    }

    public void Dispose()
    {
        _portal.Dispose();
        _content.Dispose();
    }

    [Theory]
    [InlineData("/", 3)]
    [InlineData("/news", 3)]
    [InlineData("/sections/news-of-the-region", 3)]
    [InlineData("/tags/common", 3)]
    [InlineData("/conferences", 2)]
    [InlineData(Seed.ArticleUrl, 8)]
    [InlineData("/news/item-1", 8)]
    [InlineData(Seed.ConferenceUrl, 8)]
    public async Task A_page_runs_a_fixed_number_of_queries(string url, int queries)
    {
        using var counter = new QueryCounter(_portal);
        var client = _portal.CreateReader();

        var response = await client.GetAsync(url);

        response.EnsureSuccessStatusCode();
        Assert.Equal(queries, counter.Commands.Count);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/news")]
    [InlineData("/sections/news")]
    [InlineData("/tags/common")]
    [InlineData("/conferences")]
    [InlineData(Seed.ArticleUrl)]
    [InlineData(Seed.ConferenceUrl)]
    public async Task Every_query_a_page_makes_uses_an_index_except_the_small_section_tree(string url)
    {
        using var counter = new QueryCounter(_portal);
        (await _portal.CreateReader().GetAsync(url)).EnsureSuccessStatusCode();

        using var connection = new SqliteConnection($"Data Source={Path.Combine(_portal.DataPath, "portal.db")};Mode=ReadOnly;Pooling=False");
        connection.Open();
        foreach (var (sql, parameters) in counter.Executed)
        {
            using var explain = connection.CreateCommand();
            explain.CommandText = "EXPLAIN QUERY PLAN " + sql;
            foreach (var (name, value) in parameters)
            {
                explain.Parameters.AddWithValue(name, value ?? DBNull.Value);
            }
            using var plan = explain.ExecuteReader();
            while (plan.Read())
            {
                var step = plan.GetString(3);
                // "SCAN t" alone reads a whole table; "SCAN t USING ... INDEX" and "SEARCH" use an index.
                var words = step.Split(' ');
                var fullScan = words[0] == "SCAN" && !step.Contains("INDEX", StringComparison.Ordinal)
                    && !step.Contains("CONSTANT ROW", StringComparison.Ordinal)
                    && !sql.Contains($"\"Sections\" AS \"{words[1]}\"", StringComparison.Ordinal)
                    // A scan of a LIMITed subquery's few rows; the subquery's own steps are checked on their own.
                    && !sql.Contains($") AS \"{words[1]}\"", StringComparison.Ordinal);
                Assert.False(fullScan, $"{url}: '{step}' in {sql}");
            }
        }
    }
}
