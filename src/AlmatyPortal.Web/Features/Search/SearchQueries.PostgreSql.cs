using System.Text;
using Npgsql;
using NpgsqlTypes;

namespace AlmatyPortal.Web.Features.Search;

/// <summary>
/// Search on PostgreSQL: each document's "Vector" (title weighted A, summary B, body C, in its language's text search
/// configuration; see <see cref="SearchIndexSql.CreatePostgreSql"/>) matched through a GIN index, ranked by ts_rank,
/// with a ts_headline snippet.
/// </summary>
public sealed partial class SearchQueries
{
    /// <summary>
    /// The text search configuration of a language: its own stemmer where PostgreSQL has one, else none; accents
    /// removed (see <see cref="SearchIndexSql.CreatePostgreSql"/>).
    /// </summary>
    public static string TextSearchConfiguration(string language) => language switch
    {
        "en" => "portal_english",
        "ru" => "portal_russian",
        _ => "portal_simple",
    };

    /// <summary>
    /// The words as a tsquery, all required. Each word is a run of letters and digits (quotes, operators, colons and
    /// brackets never survive <see cref="Terms"/>), so what a reader typed cannot form any tsquery syntax.
    /// </summary>
    public static string? ToTsQuery(string? input, bool prefix)
    {
        var terms = Terms(input);
        return terms.Count == 0 ? null : string.Join(" & ", terms.Select(t => prefix ? t + ":*" : t));
    }

    /// <summary>A search in a read of its own, whose statements PostgreSQL plans for the words they are given.</summary>
    /// <remarks>
    /// The portal keeps its statements prepared (PostgreSqlStatements), and after five runs PostgreSQL may plan a prepared
    /// statement once for all values. No one plan suits every word: a rare word's few matches come best from the GIN
    /// index, a word in every document from the newest documents down. With the plan it had kept from rare words, a word
    /// in all 100,000 documents read every one of them. SET LOCAL lasts until the transaction ends.
    /// </remarks>
    private async Task<SearchResults> PostgreSqlSearchAsync(SearchRequest request, int pageSize, CancellationToken ct)
    {
        var prefixed = ToTsQuery(request.Query, prefix: true);
        if (prefixed is null)
        {
            return new SearchResults([], 0, 1, 1);
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlRawAsync("SET LOCAL plan_cache_mode = force_custom_plan", ct);
        var results = await PlannedPostgreSqlSearchAsync(request, prefixed, pageSize, ct);
        await transaction.CommitAsync(ct);
        return results;
    }

    private async Task<SearchResults> PlannedPostgreSqlSearchAsync(SearchRequest request, string prefixed, int pageSize, CancellationToken ct)
    {
        // The configuration is one of three fixed names, written into the SQL as a constant: PostgreSQL then turns the
        // words into their tsquery once, while planning, and weighs how many documents hold them. As a parameter it is
        // cast at run time, so the words were parsed and stemmed again for every document tested.
        var config = $"'{TextSearchConfiguration(request.Language)}'::regconfig";
        var filter = new StringBuilder($"""d."Language" = @language AND d."Vector" @@ to_tsquery({config}, @match)""");
        var parameters = new List<NpgsqlParameter>
        {
            new("language", request.Language), new("cap", RankedMatches),
        };
        if (request.SectionIds is { Count: > 0 } sections)
        {
            filter.Append(""" AND d."SectionId" = ANY(@sections)""");
            parameters.Add(new NpgsqlParameter("sections", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = sections.ToArray() });
        }
        if (!string.IsNullOrEmpty(request.Tag))
        {
            filter.Append(""" AND strpos(d."Tags", @tag) > 0""");
            parameters.Add(new NpgsqlParameter("tag", $"|{request.Tag}|"));
        }
        if (request.Year is { } year)
        {
            filter.Append(""" AND d."Year" = @year""");
            parameters.Add(new NpgsqlParameter("year", year));
        }
        // Only fixed SQL text, the configuration's name and parameter names are joined here; every value the reader gave is
        // a parameter.
        var where = """FROM "SearchDocuments" AS d WHERE """ + filter;
        var countSql = """SELECT COUNT(*)::int AS "Value" FROM (SELECT 1 """ + where + " LIMIT @cap + 1) AS m";
        Task<int> CountAsync(string match) =>
            db.Database.SqlQueryRaw<int>(countSql, [.. Clone(parameters), new NpgsqlParameter("match", match)]).SingleAsync(ct);

        var plan = await PlanAsync(ToTsQuery(request.Query, prefix: false)!, prefixed, CountAsync, request.Page, pageSize);
        // ts_rank for the RankedMatches most recent candidates only; ts_headline for the page only.
        var pageSql = $"""
            WITH "Candidates" AS (
                SELECT d."Id", ts_rank(d."Vector", to_tsquery({config}, @match))::float8 AS "Rank", d."Date"
                {where}
                ORDER BY d."Id" DESC LIMIT @cap),
            "Page" AS (
                SELECT c."Id", c."Rank", c."Date" FROM "Candidates" AS c ORDER BY c."Rank" DESC, c."Date" DESC LIMIT @take OFFSET @skip)
            SELECT d."Kind", d."Slug", d."Title", d."Summary", d."Date",
                   ts_headline({config}, d."Summary" || ' ' || d."Body", to_tsquery({config}, @match), @headline) AS "Snippet",
                   p."Rank" AS "Rank"
            FROM "Page" AS p JOIN "SearchDocuments" AS d ON d."Id" = p."Id"
            ORDER BY p."Rank" DESC, p."Date" DESC
            """;
        parameters.Add(new NpgsqlParameter("match", plan.Match));
        parameters.Add(new NpgsqlParameter("take", pageSize));
        parameters.Add(new NpgsqlParameter("skip", (plan.Page - 1) * pageSize));
        parameters.Add(new NpgsqlParameter("headline", $"StartSel={MarkOpen}, StopSel={MarkClose}, MaxWords=30, MinWords=12, MaxFragments=1, FragmentDelimiter=…"));
        return Results(await db.Database.SqlQueryRaw<SearchRow>(pageSql, Clone(parameters)).ToListAsync(ct), plan);
    }

    private static object[] Clone(List<NpgsqlParameter> parameters) => parameters.Select(p => (object)p.Clone()).ToArray();
}
