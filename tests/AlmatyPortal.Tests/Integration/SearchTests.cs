using System.Net;
using AlmatyPortal.Tests.Support;
using AlmatyPortal.Web.Features.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlmatyPortal.Tests.Integration;

public class SearchTests : IClassFixture<SearchTests.Portal>
{
    public class Portal : ContentPortal
    {
        public Portal() : this(PortalDatabase.Sqlite)
        {
        }

        protected Portal(PortalDatabase database) : base(database: database)
        {
            Content.WriteArticle("2012-01-01-title-match.md", """
                title: Statelessness conference in Bishkek
                section: news
                status: published
                publish_date: 2012-01-01T09:00:00+06:00
                tags: [Statelessness]
                """, "A meeting about birth registration.");
            Content.WriteArticle("2013-01-01-body-match.md", """
                title: Annual review
                section: news
                status: published
                publish_date: 2013-01-01T09:00:00+06:00
                """, "Among many other subjects, the review touched on statelessness once.");
            Content.WriteArticle("2013-02-01-russian.md", """
                title: Региональная конференция
                section: news
                status: published
                publish_date: 2013-02-01T09:00:00+06:00
                """, "Участники приняли Алматинскую декларацию. Café culture in Almaty.");
            Content.WriteArticle("2013-03-01-draft.md", "title: Secret draft about statelessness\nsection: news\nstatus: draft");
        }
    }

    private readonly Portal _portal;

    public SearchTests(Portal portal) => _portal = portal;

    /// <summary>The same content on PostgreSQL.</summary>
    public sealed class PostgreSqlPortal() : Portal(PortalDatabase.PostgreSql);

    private async Task<(HttpStatusCode Status, string Html)> SearchAsync(string query)
    {
        var response = await _portal.Factory.CreateReader().GetAsync("/search?" + query);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static List<string> ResultTitles(string html)
    {
        if (!html.Contains("<ol class=\"article-list search-results\">", StringComparison.Ordinal))
        {
            return [];
        }
        var list = Html.Section(html, "<ol class=\"article-list search-results\">", "ol");
        return System.Text.RegularExpressions.Regex.Matches(list, "<h3><a href=\"[^\"]+\">([^<]+)</a></h3>").Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
    }

    [Fact]
    public async Task A_reader_finds_the_almaty_process_in_both_languages_and_it_links_its_page()
    {
        var (_, english) = await SearchAsync("q=capacity+building");
        var russian = await _portal.Factory.CreateReader().GetStringAsync("/ru/search?q=" + Uri.EscapeDataString("наращиванию потенциала"));

        Assert.Contains("Almaty Process", ResultTitles(english));
        Assert.Contains("href=\"/processes/almaty-process\"", english, StringComparison.Ordinal);
        Assert.Contains("Алматинский процесс", ResultTitles(russian));
    }

    [Fact]
    public async Task A_reader_finds_the_seed_report_by_searching_declaration()
    {
        var (status, html) = await SearchAsync("q=declaration");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("UNHCR convenes regional conference on refugee protection and migration", ResultTitles(html));
        Assert.Contains("Regional Conference on Refugee Protection and International Migration in Central Asia", ResultTitles(html));
        Assert.Contains($"href=\"{Seed.ArticleUrl}\"", html, StringComparison.Ordinal);
        Assert.Matches("<mark>[Dd]eclaration</mark>", html);
    }

    [Fact]
    public async Task A_title_match_ranks_above_a_body_match()
    {
        var (_, html) = await SearchAsync("q=statelessness");

        Assert.Equal(["Statelessness conference in Bishkek", "Annual review"], ResultTitles(html).Take(2));
        Assert.DoesNotContain("Secret draft", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Prefixes_Russian_words_and_letters_without_diacritics_are_found()
    {
        Assert.Contains("Statelessness conference in Bishkek", ResultTitles((await SearchAsync("q=statel")).Html));
        Assert.Contains("Региональная конференция", ResultTitles((await SearchAsync("q=" + Uri.EscapeDataString("декларацию"))).Html));
        Assert.Contains("Региональная конференция", ResultTitles((await SearchAsync("q=" + Uri.EscapeDataString("декларац"))).Html));
        Assert.Contains("Региональная конференция", ResultTitles((await SearchAsync("q=cafe")).Html));
    }

    [Fact]
    public async Task Filters_narrow_by_tag_year_and_section()
    {
        Assert.Equal(["Statelessness conference in Bishkek"], ResultTitles((await SearchAsync("q=statelessness&tag=statelessness")).Html));
        Assert.Equal(["Annual review"], ResultTitles((await SearchAsync("q=statelessness&year=2013")).Html));
        // The conference record has no section: the section filter keeps every article found and leaves it out.
        var everywhere = ResultTitles((await SearchAsync("q=stateless")).Html);
        var inSection = ResultTitles((await SearchAsync("q=stateless&section=news-of-the-region")).Html);
        Assert.Contains("Regional Conference on Refugee Protection and International Migration in Central Asia", everywhere);
        Assert.Equal(everywhere.Where(t => t != "Regional Conference on Refugee Protection and International Migration in Central Asia").Order(), inSection.Order());
        Assert.Contains("Annual review", inSection);
    }

    [Fact]
    public async Task No_results_gives_a_clear_message()
    {
        var (status, html) = await SearchAsync("q=zzyzx");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("No results for “zzyzx”", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("\"unbalanced")]
    [InlineData("(declaration")]
    [InlineData("declaration)")]
    [InlineData("*")]
    [InlineData("decl*")]
    [InlineData("NEAR(declaration almaty)")]
    [InlineData("declaration AND OR NOT")]
    [InlineData("title:declaration")]
    [InlineData("^declaration")]
    [InlineData("-declaration")]
    [InlineData("' OR 1=1 --")]
    [InlineData("'; DROP TABLE \"Articles\"; --")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("\u0002mark\u0003")]
    [InlineData("{}[]:;")]
    public async Task Any_input_is_safe_and_echoed_escaped(string query)
    {
        var before = await _portal.Factory.WithDbAsync(db => db.Articles.CountAsync());

        var (status, html) = await SearchAsync("q=" + Uri.EscapeDataString(query));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.DoesNotContain("<script>alert(1)", html, StringComparison.Ordinal);
        var encoder = _portal.Factory.Services.GetRequiredService<System.Text.Encodings.Web.HtmlEncoder>();
        Assert.Contains($"id=\"search-q\" name=\"q\" type=\"search\" value=\"{encoder.Encode(query)}\"", html, StringComparison.Ordinal);
        // Nothing was changed, and the index still answers an ordinary query afterwards.
        Assert.Equal(before, await _portal.Factory.WithDbAsync(db => db.Articles.CountAsync()));
        var (_, after) = await SearchAsync("q=refugee");
        Assert.Contains(Seed.ArticleUrl, after, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("' ; -- ")]
    [InlineData("***")]
    public async Task A_query_without_words_sends_no_search_statement(string query)
    {
        using var counter = new QueryCounter(_portal.Factory);

        var (status, html) = await SearchAsync("q=" + Uri.EscapeDataString(query));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("No results for", html, StringComparison.Ordinal);
        Assert.DoesNotContain(counter.Commands, c => c.Contains("MATCH", StringComparison.Ordinal)
            || c.Contains("@@", StringComparison.Ordinal) || c.Contains("plan_cache_mode", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_script_query_is_shown_as_text()
    {
        var (_, html) = await SearchAsync("q=" + Uri.EscapeDataString("<script>alert(1)</script>"));

        Assert.Contains("value=\"&lt;script&gt;alert(1)&lt;/script&gt;\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(201)]
    [InlineData(5000)]
    public async Task An_overlong_query_is_400(int length)
    {
        var (status, _) = await SearchAsync("q=" + new string('a', length));

        Assert.Equal(HttpStatusCode.BadRequest, status);
    }

    [Theory]
    [InlineData("declaration", "\"declaration\"*")]
    [InlineData("Almaty declaration", "\"Almaty\"* \"declaration\"*")]
    [InlineData("\"Almaty\" OR (x*)", "\"Almaty\"* \"OR\"* \"x\"*")]
    [InlineData("' ; -- ", null)]
    [InlineData("декларация", "\"декларац\"*")]
    [InlineData("мир", "\"мир\"*")]
    public void User_words_become_quoted_prefix_terms(string input, string? match) =>
        Assert.Equal(match, SearchQueries.ToMatch(input));
}

/// <summary>The same searches, with the same assertions, on PostgreSQL.</summary>
public sealed class SearchOnPostgreSqlTests(SearchTests.PostgreSqlPortal portal) : SearchTests(portal), IClassFixture<SearchTests.PostgreSqlPortal>
{
    /// <summary>
    /// The portal keeps its statements prepared, and PostgreSQL may then run one plan for every search after the fifth.
    /// A plan fit for a rare word (its few matches from the index, then sorted) read every document for a word in all.
    /// </summary>
    [Fact]
    public async Task Each_search_is_planned_for_its_own_words_not_with_a_plan_kept_from_earlier_searches()
    {
        using var scope = portal.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AlmatyPortal.Web.Infrastructure.PortalDbContext>();
        var search = scope.ServiceProvider.GetRequiredService<SearchQueries>();
        // One session throughout: a prepared statement and its plans belong to the session that prepared it.
        await db.Database.OpenConnectionAsync();

        for (var i = 0; i < 12; i++)
        {
            await search.SearchAsync(new SearchRequest("en", i % 3 == 0 ? "refugee" : "statelessness", null, null, null, 1), 10, default);
        }

        var plans = await db.Database.SqlQuery<PlanCounts>($"""
            SELECT COALESCE(SUM(generic_plans), 0)::int AS "Generic", COALESCE(SUM(custom_plans), 0)::int AS "Custom"
            FROM pg_prepared_statements WHERE statement LIKE '%"SearchDocuments" AS d%'
            """).SingleAsync();
        // Prepared (after a few runs, so they are counted here), and each run planned for its words.
        Assert.True(plans.Custom > 0, "No search statement was prepared, so none of their plans can be seen.");
        Assert.Equal(0, plans.Generic);
    }

    private sealed record PlanCounts(int Generic, int Custom);

    /// <summary>
    /// As a parameter, the text search configuration was cast at run time, and PostgreSQL parsed and stemmed the words
    /// again for every document it tested; it could not weigh how many documents hold them either.
    /// </summary>
    [Fact]
    public async Task A_search_turns_the_words_into_a_tsquery_once_while_planning_not_for_every_document()
    {
        using var counter = new QueryCounter(portal.Factory);
        (await portal.Factory.CreateReader().GetAsync("/search?q=statelessness")).EnsureSuccessStatusCode();

        var searches = counter.Executed.Where(c => c.Sql.Contains("\"Vector\" @@", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(searches);
        await using var connection = new Npgsql.NpgsqlConnection(portal.Factory.PostgreSqlConnection);
        await connection.OpenAsync();
        foreach (var (sql, parameters) in searches)
        {
            await using var explain = new Npgsql.NpgsqlCommand("EXPLAIN (VERBOSE) " + sql, connection);
            explain.Parameters.AddRange(parameters.Select(p => new Npgsql.NpgsqlParameter(p.Name, p.Value)).ToArray());
            var plan = new List<string>();
            await using (var reader = await explain.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    plan.Add(reader.GetString(0));
                }
            }
            Assert.Contains(plan, line => line.Contains("'stateless'", StringComparison.Ordinal) && line.Contains("::tsquery", StringComparison.Ordinal));
            Assert.DoesNotContain(plan, line => line.Contains("to_tsquery(", StringComparison.Ordinal));
        }
    }
}
