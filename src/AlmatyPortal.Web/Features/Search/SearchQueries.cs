using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace AlmatyPortal.Web.Features.Search;

/// <summary>
/// Full-text search over public articles and conference records: ranking, highlighted snippets, filters. On SQLite an
/// FTS5 index with bm25; on PostgreSQL a weighted tsvector per language (SearchQueries.PostgreSql.cs).
/// </summary>
public sealed partial class SearchQueries(PortalDbContext db)
{
    public const int MaxQueryLength = 200;

    /// <summary>How many matches are counted and ranked at most (the most recently indexed ones).</summary>
    public const int RankedMatches = 1000;
    private const int MaxTerms = 12;
    private const char MarkOpen = '\u0002';
    private const char MarkClose = '\u0003';
    private const string MatchesIndex = "\"" + SearchDocumentConfiguration.MatchesIndex + "\"";

    /// <summary>
    /// Turns whatever a reader typed into an FTS5 query of quoted prefix terms, all required. Operators, quotes,
    /// brackets and stars in the input are never passed through: only runs of letters and digits survive.
    /// </summary>
    public static string? ToMatch(string? input) => ToMatch(input, prefix: true);

    /// <summary>The same query, of prefix terms (stemmed) or of whole words as typed.</summary>
    public static string? ToMatch(string? input, bool prefix)
    {
        var terms = Terms(input);
        return terms.Count == 0 ? null
            : string.Join(" ", terms.Select(t => prefix ? $"\"{Stem(t).Replace("\"", "\"\"", StringComparison.Ordinal)}\"*" : $"\"{t}\""));
    }

    private static readonly string[] RussianEndings =
        ["ями", "ами", "ией", "иях", "ого", "ему", "ыми", "ими", "ия", "ию", "ие", "ий", "ей", "ой", "ая", "ое", "ые", "ых", "ом", "ам", "ях", "ах", "а", "я", "о", "е", "ы", "и", "у", "ю", "ь", "й"];

    /// <summary>
    /// Russian words change their endings (декларация, декларацию, декларации); a prefix search for the word without
    /// its ending finds them all. Short words and other scripts are left as they are.
    /// </summary>
    public static string Stem(string word)
    {
        if (word.Length < 6 || !word.All(c => c is >= 'а' and <= 'я' or >= 'А' and <= 'Я' or 'ё' or 'Ё'))
        {
            return word;
        }
        var lower = word.ToLowerInvariant();
        var ending = RussianEndings.FirstOrDefault(e => lower.EndsWith(e, StringComparison.Ordinal) && lower.Length - e.Length >= 4);
        return ending is null ? word : word[..^ending.Length];
    }

    public Task<SearchResults> SearchAsync(SearchRequest request, int pageSize, CancellationToken ct) =>
        db.OnPostgreSql ? PostgreSqlSearchAsync(request, pageSize, ct) : SqliteSearchAsync(request, pageSize, ct);

    private async Task<SearchResults> SqliteSearchAsync(SearchRequest request, int pageSize, CancellationToken ct)
    {
        var prefixed = ToMatch(request.Query);
        if (prefixed is null)
        {
            return new SearchResults([], 0, 1, 1);
        }
        // The filters look up each match's document by its key; joining the documents instead lets SQLite scan them all.
        var filter = new StringBuilder("""d."Id" = "SearchEntries".rowid AND d."Language" = @language""");
        var parameters = new List<SqliteParameter> { new("@language", request.Language), new("@cap", RankedMatches) };
        if (request.SectionIds is { Count: > 0 } sections)
        {
            var names = sections.Select((id, i) => { parameters.Add(new SqliteParameter("@s" + i, id)); return "@s" + i; });
            filter.Append(""" AND d."SectionId" IN (""").Append(string.Join(", ", names)).Append(')');
        }
        if (!string.IsNullOrEmpty(request.Tag))
        {
            filter.Append(""" AND d."Tags" LIKE @tag""");
            parameters.Add(new SqliteParameter("@tag", $"%|{request.Tag}|%"));
        }
        if (request.Year is { } year)
        {
            filter.Append(""" AND d."Year" = @year""");
            parameters.Add(new SqliteParameter("@year", year));
        }
        // Only fixed SQL text and parameter names are joined here; every value the reader gave is a parameter. Each
        // candidate's language, filters and date come from an index (SearchDocumentConfiguration.MatchesIndex), not its row.
        var where = $"""FROM "SearchEntries" WHERE "SearchEntries" MATCH @match AND EXISTS (SELECT 1 FROM "SearchDocuments" AS d INDEXED BY {MatchesIndex} WHERE {filter})""";
        var countSql = "SELECT COUNT(*) AS \"Value\" FROM (SELECT 1 " + where + " LIMIT @cap + 1)";
        Task<int> CountAsync(string match) =>
            db.Database.SqlQueryRaw<int>(countSql, [.. Clone(parameters), new SqliteParameter("@match", match)]).SingleAsync(ct);

        // A common word matches most of the archive, and its prefix (every longer word it begins) costs far more to
        // match than the word alone: when the whole words already match more than are ranked, they are what is ranked.
        // Otherwise the prefixes are (so "declar" finds "declaration" and a Russian stem its endings). At most the
        // RankedMatches most recently indexed matches (FTS5's own order, read without sorting) are counted and ranked.
        var plan = await PlanAsync(ToMatch(request.Query, prefix: false)!, prefixed, CountAsync, request.Page, pageSize);
        // bm25 for the candidates only; snippets for the page only. CROSS JOIN keeps each side of a join where it is written.
        var pageSql = $"""
            WITH "Candidates" AS (
                SELECT "SearchEntries".rowid AS "Id", bm25("SearchEntries", 10.0, 4.0, 1.0) AS "Rank"
                {where}
                ORDER BY "SearchEntries".rowid DESC LIMIT @cap),
            "Page" AS (
                SELECT c."Id", c."Rank", d."Date" FROM "Candidates" AS c CROSS JOIN "SearchDocuments" AS d INDEXED BY {MatchesIndex} ON d."Id" = c."Id"
                ORDER BY c."Rank", d."Date" DESC LIMIT @take OFFSET @skip)
            SELECT d."Kind", d."Slug", d."Title", d."Summary", d."Date",
                   snippet("SearchEntries", -1, char(2), char(3), '…', 24) AS "Snippet", p."Rank" AS "Rank"
            FROM "Page" AS p CROSS JOIN "SearchEntries" ON "SearchEntries".rowid = p."Id" CROSS JOIN "SearchDocuments" AS d ON d."Id" = p."Id"
            WHERE "SearchEntries" MATCH @match
            ORDER BY p."Rank", p."Date" DESC
            """;
        parameters.Add(new SqliteParameter("@match", plan.Match));
        parameters.Add(new SqliteParameter("@take", pageSize));
        parameters.Add(new SqliteParameter("@skip", (plan.Page - 1) * pageSize));
        return Results(await db.Database.SqlQueryRaw<SearchRow>(pageSql, Clone(parameters)).ToListAsync(ct), plan);
    }

    /// <summary>
    /// What both engines rank: the whole words, or their prefixes when the words alone match no more than are ranked;
    /// how many of at most <see cref="RankedMatches"/> that is, and the page asked for within them.
    /// </summary>
    private static async Task<Plan> PlanAsync(string exact, string prefixed, Func<string, Task<int>> count, int requestedPage, int pageSize)
    {
        var match = exact;
        var counted = await count(exact);
        if (counted <= RankedMatches && exact != prefixed)
        {
            match = prefixed;
            counted = await count(prefixed);
        }
        var total = Math.Min(counted, RankedMatches);
        var pageCount = Math.Max(1, (total + pageSize - 1) / pageSize);
        return new Plan(match, counted, total, Math.Clamp(requestedPage, 1, pageCount), pageCount);
    }

    private sealed record Plan(string Match, int Counted, int Total, int Page, int PageCount);

    /// <summary>The page's rows as hits, their snippets encoded with the matches marked.</summary>
    private static SearchResults Results(IEnumerable<SearchRow> rows, Plan plan) =>
        new(rows.Select(r => new SearchHit(
                Enum.Parse<SearchKind>(r.Kind),
                r.Slug, r.Title, r.Summary, DateTime.SpecifyKind(r.Date, DateTimeKind.Utc), Highlight(r.Snippet))).ToList(),
            plan.Total, plan.Page, plan.PageCount, plan.Counted > RankedMatches);

    /// <summary>The years that have something to find, newest first, for the year filter.</summary>
    /// <remarks>
    /// One seek of the (Language, Year) index per year, from the newest down, rather than reading every document's year.
    /// </remarks>
    public async Task<IReadOnlyList<int>> YearsAsync(string language, CancellationToken ct) =>
        await db.Database.SqlQuery<int>($"""
            WITH RECURSIVE "Years"("Value") AS (
                SELECT (SELECT "Year" FROM "SearchDocuments" WHERE "Language" = {language} ORDER BY "Year" DESC LIMIT 1)
                UNION ALL
                SELECT (SELECT "Year" FROM "SearchDocuments" WHERE "Language" = {language} AND "Year" < "Years"."Value" ORDER BY "Year" DESC LIMIT 1)
                FROM "Years" WHERE "Years"."Value" IS NOT NULL)
            SELECT "Value" FROM "Years" WHERE "Value" IS NOT NULL
            """).ToListAsync(ct);

    /// <summary>The snippet as safe HTML: everything encoded, then the match markers turned into mark elements.</summary>
    public static string Highlight(string snippet) =>
        WebUtility.HtmlEncode(snippet).Replace(MarkOpen.ToString(), "<mark>", StringComparison.Ordinal)
            .Replace(MarkClose.ToString(), "</mark>", StringComparison.Ordinal);

    private static object[] Clone(List<SqliteParameter> parameters) =>
        parameters.Select(p => (object)new SqliteParameter(p.ParameterName, p.Value)).ToArray();

    /// <summary>The words of a query: runs of letters and digits, at most <see cref="MaxTerms"/>, each once.</summary>
    private static List<string> Terms(string? input) =>
        Words().Matches(input ?? "").Select(m => m.Value).Distinct(StringComparer.OrdinalIgnoreCase).Take(MaxTerms).ToList();

    [GeneratedRegex("[\\p{L}\\p{N}]+")]
    private static partial Regex Words();

    private sealed record SearchRow(string Kind, string Slug, string Title, string Summary, DateTime Date, string Snippet, double Rank);
}

/// <summary>What a reader asked for.</summary>
public sealed record SearchRequest(string Language, string? Query, IReadOnlyCollection<int>? SectionIds, string? Tag, int? Year, int Page);

public sealed record SearchHit(SearchKind Kind, string Slug, string Title, string Summary, DateTime Date, string SnippetHtml)
{
    public string Url => Kind switch
    {
        SearchKind.Conference => SitePaths.Conference(Slug),
        SearchKind.Process => SitePaths.Process(Slug),
        _ => SitePaths.Article(Slug),
    };
}

/// <summary>A page of results; <paramref name="MoreThanTotal"/> when more matched than were counted and ranked.</summary>
public sealed record SearchResults(IReadOnlyList<SearchHit> Hits, int Total, int Page, int PageCount, bool MoreThanTotal = false);
