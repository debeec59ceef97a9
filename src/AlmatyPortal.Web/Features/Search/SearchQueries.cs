using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace AlmatyPortal.Web.Features.Search;

/// <summary>Full-text search over public articles and conference records: bm25 ranking, highlighted snippets, filters.</summary>
public sealed partial class SearchQueries(PortalDbContext db)
{
    public const int MaxQueryLength = 200;
    private const int MaxTerms = 12;
    private const char MarkOpen = '\u0002';
    private const char MarkClose = '\u0003';

    /// <summary>
    /// Turns whatever a reader typed into an FTS5 query of quoted prefix terms, all required. Operators, quotes,
    /// brackets and stars in the input are never passed through: only runs of letters and digits survive.
    /// </summary>
    public static string? ToMatch(string? input)
    {
        var terms = Words().Matches(input ?? "").Select(m => m.Value).Distinct(StringComparer.OrdinalIgnoreCase).Take(MaxTerms).ToList();
        return terms.Count == 0 ? null : string.Join(" ", terms.Select(t => $"\"{Stem(t).Replace("\"", "\"\"", StringComparison.Ordinal)}\"*"));
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

    public async Task<SearchResults> SearchAsync(SearchRequest request, int pageSize, CancellationToken ct)
    {
        var match = ToMatch(request.Query);
        if (match is null)
        {
            return new SearchResults([], 0, 1, 1);
        }
        var where = new StringBuilder("""WHERE "SearchEntries" MATCH @match AND d."Language" = @language""");
        var parameters = new List<SqliteParameter> { new("@match", match), new("@language", request.Language) };
        if (request.SectionIds is { Count: > 0 } sections)
        {
            var names = sections.Select((id, i) => { parameters.Add(new SqliteParameter("@s" + i, id)); return "@s" + i; });
            where.Append(""" AND d."SectionId" IN (""").Append(string.Join(", ", names)).Append(')');
        }
        if (!string.IsNullOrEmpty(request.Tag))
        {
            where.Append(""" AND d."Tags" LIKE @tag""");
            parameters.Add(new SqliteParameter("@tag", $"%|{request.Tag}|%"));
        }
        if (request.Year is { } year)
        {
            where.Append(""" AND d."Year" = @year""");
            parameters.Add(new SqliteParameter("@year", year));
        }
        const string From = """FROM "SearchEntries" JOIN "SearchDocuments" AS d ON d."Id" = "SearchEntries".rowid """;

        // Only fixed SQL text and parameter names are joined here; every value the reader gave is a parameter.
        var countSql = "SELECT COUNT(*) AS \"Value\" " + From + where;
        var total = await db.Database.SqlQueryRaw<int>(countSql, Clone(parameters)).SingleAsync(ct);
        var pageCount = Math.Max(1, (total + pageSize - 1) / pageSize);
        var page = Math.Clamp(request.Page, 1, pageCount);
        var pageSql = """
            SELECT d."Kind", d."Slug", d."Title", d."Summary", d."Date",
                   snippet("SearchEntries", -1, char(2), char(3), '…', 24) AS "Snippet",
                   bm25("SearchEntries", 10.0, 4.0, 1.0) AS "Rank"
            """ + From + where + """ ORDER BY "Rank", d."Date" DESC LIMIT @take OFFSET @skip""";
        parameters.Add(new SqliteParameter("@take", pageSize));
        parameters.Add(new SqliteParameter("@skip", (page - 1) * pageSize));
        var rows = await db.Database.SqlQueryRaw<SearchRow>(pageSql, Clone(parameters)).ToListAsync(ct);
        var hits = rows.Select(r => new SearchHit(
            r.Kind == nameof(SearchKind.Conference) ? SearchKind.Conference : SearchKind.Article,
            r.Slug, r.Title, r.Summary, DateTime.SpecifyKind(r.Date, DateTimeKind.Utc), Highlight(r.Snippet))).ToList();
        return new SearchResults(hits, total, page, pageCount);
    }

    /// <summary>The years that have something to find, newest first, for the year filter.</summary>
    public async Task<IReadOnlyList<int>> YearsAsync(string language, CancellationToken ct) =>
        await db.SearchDocuments.AsNoTracking().Where(d => d.Language == language).Select(d => d.Year).Distinct()
            .OrderByDescending(y => y).ToListAsync(ct);

    /// <summary>The snippet as safe HTML: everything encoded, then the match markers turned into mark elements.</summary>
    public static string Highlight(string snippet) =>
        WebUtility.HtmlEncode(snippet).Replace(MarkOpen.ToString(), "<mark>", StringComparison.Ordinal)
            .Replace(MarkClose.ToString(), "</mark>", StringComparison.Ordinal);

    private static object[] Clone(List<SqliteParameter> parameters) =>
        parameters.Select(p => (object)new SqliteParameter(p.ParameterName, p.Value)).ToArray();

    [GeneratedRegex("[\\p{L}\\p{N}]+")]
    private static partial Regex Words();

    private sealed record SearchRow(string Kind, string Slug, string Title, string Summary, DateTime Date, string Snippet, double Rank);
}

/// <summary>What a reader asked for.</summary>
public sealed record SearchRequest(string Language, string? Query, IReadOnlyCollection<int>? SectionIds, string? Tag, int? Year, int Page);

public sealed record SearchHit(SearchKind Kind, string Slug, string Title, string Summary, DateTime Date, string SnippetHtml)
{
    public string Url => Kind == SearchKind.Conference ? SitePaths.Conference(Slug) : SitePaths.Article(Slug);
}

public sealed record SearchResults(IReadOnlyList<SearchHit> Hits, int Total, int Page, int PageCount);
