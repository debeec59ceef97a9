using System.Data.Common;

namespace AlmatyPortal.Web.Features.News;

/// <summary>
/// What an article links to, written by one feature over the article's id, translation group and language: News writes
/// its tags and language versions; another feature registers its own kind (the conferences the article reports on) as an
/// <see cref="IArticleLinkSource"/>, so that News never needs to know it.
/// </summary>
public interface IArticleLinkSource
{
    /// <summary>
    /// One SELECT of the links, standard SQL that both providers run, over the parameters <c>@id</c>, <c>@group</c> and
    /// <c>@language</c>, with the columns of <see cref="ArticleLink"/> in its order: Kind, Id, Slug, Title, Language,
    /// StartDate, EndDate, City (a column a kind leaves empty is a NULL cast to its type, as PostgreSQL types a UNION pair by pair).
    /// </summary>
    string Links { get; }
}

/// <summary>
/// The article page's two reads of its own, as <see cref="FixedQuery"/>s: the record, and every kind of its links in one
/// query (UNION ALL) put together from the registered sources.
/// </summary>
public sealed class ArticleReads
{
    private static readonly FixedQuery Record = new($"""
        SELECT "a"."Id", "a"."TranslationGroup", "a"."Language", "a"."Slug", "a"."Title", "a"."Summary", "a"."BodyHtml", "a"."PublishAt",
            "a"."UpdatedAt", "a"."SectionId",
            "m"."Id", "m"."FileName", "m"."Width", "m"."Height",
            COALESCE((SELECT "t"."Text" FROM "MediaAltText" AS "t" WHERE "t"."MediaAssetId" = "m"."Id" AND "t"."Language" = @language LIMIT 1), "m"."AltText"),
            CASE WHEN EXISTS (SELECT 1 FROM "MediaAltText" AS "t" WHERE "t"."MediaAssetId" = "m"."Id" AND "t"."Language" = @language)
                THEN @language ELSE '{Languages.Default}' END,
            "m"."Credit", "m"."Photographer", "m"."Licence", "m"."Variants",
            "s"."Id", "s"."Slug", "s"."Name", "s"."ParentId",
            "s0"."Id", "s0"."Slug", "s0"."Name", "s0"."ParentId",
            "s1"."Id", "s1"."Slug", "s1"."Name", "s1"."ParentId",
            "s2"."Id", "s2"."Slug", "s2"."Name", "s2"."ParentId"
        FROM "Articles" AS "a"
        LEFT JOIN "Media" AS "m" ON "a"."FeaturedImageId" = "m"."Id"
        INNER JOIN "Sections" AS "s" ON "a"."SectionId" = "s"."Id"
        LEFT JOIN "Sections" AS "s0" ON "s"."ParentId" = "s0"."Id"
        LEFT JOIN "Sections" AS "s1" ON "s0"."ParentId" = "s1"."Id"
        LEFT JOIN "Sections" AS "s2" ON "s1"."ParentId" = "s2"."Id"
        WHERE "a"."Language" = @language AND "a"."Status" = {StoredStatus.Published} AND "a"."Slug" = @slug
        LIMIT 1
        """, ("language", typeof(string)), ("slug", typeof(string)));

    private const string OwnLinks = $"""
        SELECT 0 AS "Kind", "t"."Id", "t"."Slug", "t"."Name" AS "Title", CAST(NULL AS text) AS "Language",
            CAST(NULL AS date) AS "StartDate", CAST(NULL AS date) AS "EndDate", CAST(NULL AS text) AS "City"
        FROM "ArticleTags" AS "j"
        INNER JOIN "Tags" AS "t" ON "j"."TagsId" = "t"."Id"
        WHERE "j"."ArticlesId" = @id
        UNION ALL
        SELECT 1, "o"."Id", "o"."Slug", "o"."Title", "o"."Language", CAST(NULL AS date), CAST(NULL AS date), CAST(NULL AS text)
        FROM "Articles" AS "o"
        WHERE "o"."TranslationGroup" = @group AND "o"."Status" = {StoredStatus.Published}
        """;

    private readonly FixedQuery _links;

    public ArticleReads(IEnumerable<IArticleLinkSource> sources) =>
        _links = new(string.Join("\nUNION ALL\n", [OwnLinks, .. sources.Select(s => s.Links)]),
            ("id", typeof(int)), ("group", typeof(Guid)), ("language", typeof(string)));

    /// <summary>
    /// A published article in one query: the article, its image and alt text in the language (else the default), and its
    /// section with up to three ancestors.
    /// </summary>
    public Task<Row?> RecordAsync(PortalDbContext db, string language, string slug, CancellationToken ct) =>
        Record.FirstAsync(db, ReadRecord, ct, language, slug);

    /// <summary>The article's links of every kind, in no particular order.</summary>
    public Task<List<ArticleLink>> LinksAsync(PortalDbContext db, ArticleView article, CancellationToken ct) =>
        _links.ListAsync(db, row => new ArticleLink
        {
            Kind = row.GetInt32(0), Id = row.GetInt32(1), Slug = row.GetString(2), Title = row.GetString(3), Language = row.NullableString(4),
            StartDate = row.NullableDate(5), EndDate = row.NullableDate(6), City = row.NullableString(7),
        }, ct, article.Id, article.TranslationGroup, article.Language);

    public sealed record Row(ArticleView View, SectionNode Section, SectionNode? Parent, SectionNode? Grandparent, SectionNode? Root);

    private static Row ReadRecord(DbDataReader row) => new(
        new ArticleView(row.GetInt32(0), row.GetGuid(1), row.GetString(2), row.GetString(3), row.GetString(4), row.GetString(5), row.GetString(6),
            row.NullableUtc(7), row.Utc(8), row.GetInt32(9),
            row.IsDBNull(10) ? null : new ImageView(row.GetInt32(10), row.GetString(11), row.GetInt32(12), row.GetInt32(13), row.GetString(14),
                row.GetString(15), row.GetString(16), row.NullableString(17), row.NullableString(18), row.GetString(19)),
            []),
        Section(row, 20)!, Section(row, 24), Section(row, 28), Section(row, 32));

    private static SectionNode? Section(DbDataReader row, int first) => row.IsDBNull(first) ? null
        : new SectionNode(row.GetInt32(first), row.GetString(first + 1), row.GetString(first + 2), row.NullableInt32(first + 3));
}
