namespace AlmatyPortal.Web.Features.News;

/// <summary>
/// The stories shown under an article: published articles that share tags or a conference with it, in one query. A shared
/// conference counts most (10), then each shared tag (1, for tags on at most <see cref="TagLimit"/> articles), then
/// recency. Scores come from the join tables alone (indexed by tag and by conference).
/// </summary>
/// <remarks>
/// The query is a <see cref="FixedQuery"/>. It used to go through <c>Database.SqlQuery</c>, but EF does not cache the
/// SQL of a raw query that has parameters: it generated the text again and built a new reader for it on every uncached
/// article. Sending the command as it is cut the server's CPU per uncached article by a fifth (A/B at 501 articles).
/// </remarks>
public static class RelatedStories
{
    /// <summary>Tags on more articles than this do not count towards relatedness.</summary>
    public const int TagLimit = 2000;

    public static async Task<IReadOnlyList<ArticleSummary>> ReadAsync(PortalDbContext db, int articleId, int count, CancellationToken ct)
    {
        // Drafts are dropped from the few rows read, not in the query, where a status filter may lead the planner to walk
        // the articles first.
        var rows = await Query.ListAsync(db, row => (Published: row.GetString(5) == nameof(PublicationStatus.Published),
            Story: new ArticleSummary(row.GetInt32(0), row.GetString(1), row.GetString(2), row.GetString(3), row.NullableUtc(4))), ct,
            articleId, TagLimit, count * 5);
        return rows.Where(r => r.Published).Select(r => r.Story).Take(count).ToList();
    }

    // The related stories' query, one text per provider, built once. Scores first, then the few best articles looked up
    // by key: CROSS JOIN keeps that order (SQLite never reorders it), where a plain join may walk every article and probe
    // the scores. Standard SQL, with no reader input in it; the values are parameters (@article the article, @tagLimit the tag
    // limit, @take how many, five times the stories shown, as drafts among them are dropped after reading).
    // Each counted tag's links. SQLite walks the article's own tags, then each tag's links from its index: joins, not
    // IN (subquery) lists, which SQLite builds as a temporary table each time (that cost three times as much).
    // PostgreSQL, expecting a thousand links a tag, would hash every link in the table (15 ms at 100,000 articles)
    // unless told to look each tag up (LATERAL), which takes 0.3 ms.
    private static readonly string OnSqlite = Text(""" "Articles" AS "p" INDEXED BY "IX_Articles_Id_PublishAt" """, """
        SELECT "j"."ArticlesId" AS "Id", 1 AS "Weight"
        FROM "ArticleTags" AS "o"
        CROSS JOIN "ArticleTags" AS "j"
        WHERE "o"."ArticlesId" = @article AND "j"."TagsId" = "o"."TagsId"
            AND (SELECT COUNT(*) FROM "ArticleTags" AS "t" WHERE "t"."TagsId" = "o"."TagsId") <= @tagLimit
        """);

    private static readonly string OnPostgreSql = Text(""" "Articles" AS "p" """, """
        SELECT "j"."Id", 1 AS "Weight"
        FROM (
            SELECT "t"."TagsId" FROM "ArticleTags" AS "t"
            WHERE "t"."TagsId" IN (SELECT "o"."TagsId" FROM "ArticleTags" AS "o" WHERE "o"."ArticlesId" = @article)
            GROUP BY "t"."TagsId" HAVING COUNT(*) <= @tagLimit
        ) AS "g"
        CROSS JOIN LATERAL (SELECT "x"."ArticlesId" AS "Id" FROM "ArticleTags" AS "x" WHERE "x"."TagsId" = "g"."TagsId" LIMIT @tagLimit) AS "j"
        """);

    private static readonly FixedQuery Query = new(OnSqlite, OnPostgreSql, ("article", typeof(int)), ("tagLimit", typeof(int)), ("take", typeof(int)));

    // The candidates (a thousand for a tag of a thousand articles) are ordered by their dates from an index of (Id,
    // PublishAt), and only the best are read from their rows, which hold their bodies: ordering them from the rows read
    // every candidate's row (SQLite, 100,000 articles, a tag of 1,000: 4.9 ms, now 3.4 ms).
    private static string Text(string dates, string tagLinks) => """
        SELECT "a"."Id", "a"."Slug", "a"."Title", "a"."Summary", "a"."PublishAt", "a"."Status", "b"."Score"
        FROM (
            SELECT "s"."Id", "s"."Score", "p"."PublishAt"
            FROM (
                SELECT "u"."Id", SUM("u"."Weight") AS "Score"
                FROM (
        """ + tagLinks + """

                    UNION ALL
                    SELECT "c"."ArticlesId" AS "Id", 10 AS "Weight"
                    FROM "ArticleConferences" AS "o"
                    CROSS JOIN "ArticleConferences" AS "c"
                    WHERE "o"."ArticlesId" = @article AND "c"."ConferencesId" = "o"."ConferencesId"
                ) AS "u"
                WHERE "u"."Id" <> @article
                GROUP BY "u"."Id"
            ) AS "s"
            CROSS JOIN
        """ + dates + """

            WHERE "p"."Id" = "s"."Id"
            ORDER BY "s"."Score" DESC, "p"."PublishAt" DESC, "p"."Id" DESC
            LIMIT @take
        ) AS "b"
        CROSS JOIN "Articles" AS "a"
        WHERE "a"."Id" = "b"."Id"
        ORDER BY "b"."Score" DESC, "b"."PublishAt" DESC, "a"."Id" DESC
        """;
}
