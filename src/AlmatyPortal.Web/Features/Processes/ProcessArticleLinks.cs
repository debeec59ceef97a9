using AlmatyPortal.Web.Features.News;

namespace AlmatyPortal.Web.Features.Processes;

/// <summary>
/// The published processes an article belongs to, in its language, as links read with the article's own: a process names
/// the article, or a conference that any version of the article reports on (any version of that meeting).
/// </summary>
/// <remarks>
/// Each process in the language is tested with EXISTS (a region has a handful of processes): as IN lists, SQLite built
/// three temporary tables on every run, which took twice as long (19 against 9 µs on the seed article).
/// </remarks>
public sealed class ProcessArticleLinks : IArticleLinkSource
{
    public string Links => $"""
        SELECT {ProcessQueries.ProcessLinkKind}, "p"."Id", "p"."Slug", "p"."Name", CAST(NULL AS text), CAST(NULL AS date), CAST(NULL AS date), CAST(NULL AS text)
        FROM "Processes" AS "p"
        WHERE "p"."Language" = @language AND "p"."Status" = {StoredStatus.Published} AND (
            EXISTS (SELECT 1 FROM "ProcessArticles" AS "pa" WHERE "pa"."ArticleGroup" = @group AND "pa"."ProcessGroup" = "p"."TranslationGroup")
            OR EXISTS (
                SELECT 1
                FROM "Articles" AS "pv"
                INNER JOIN "ArticleConferences" AS "pj" ON "pj"."ArticlesId" = "pv"."Id"
                INNER JOIN "Conferences" AS "pc" ON "pc"."Id" = "pj"."ConferencesId"
                INNER JOIN "ProcessConferences" AS "pl" ON "pl"."ConferenceGroup" = "pc"."TranslationGroup"
                WHERE "pv"."TranslationGroup" = @group AND "pl"."ProcessGroup" = "p"."TranslationGroup"))
        """;
}
