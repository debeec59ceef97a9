using AlmatyPortal.Web.Features.News;

namespace AlmatyPortal.Web.Features.Conferences;

/// <summary>The published conference records an article reports on, as links read with the article's own.</summary>
public sealed class ConferenceArticleLinks : IArticleLinkSource
{
    public string Links => $"""
        SELECT {ConferenceQueries.ReportLink}, "c"."Id", "c"."Slug", "c"."Title", CAST(NULL AS text), "c"."StartDate", "c"."EndDate", "c"."City"
        FROM "ArticleConferences" AS "rj"
        INNER JOIN "Conferences" AS "c" ON "rj"."ConferencesId" = "c"."Id"
        WHERE "rj"."ArticlesId" = @id AND "c"."Status" = {StoredStatus.Published}
        """;
}
