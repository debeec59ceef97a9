using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AlmatyPortal.Web.Features.News;

/// <summary>
/// How many published articles of a language carry a tag. The sitemap lists a tag in a language from these few rows
/// instead of walking the tag's links to find one article in that language (at 100,000 articles, a tag with 20,000
/// English articles and none in Russian meant reading all 20,000 to learn that).
/// </summary>
public sealed class TagLanguage
{
    public int TagId { get; set; }
    public string Language { get; set; } = "";
    public int Count { get; set; }
}

internal sealed class TagLanguageConfiguration : IEntityTypeConfiguration<TagLanguage>
{
    public void Configure(EntityTypeBuilder<TagLanguage> b)
    {
        b.ToTable(TagLanguageSql.Table);
        b.HasKey(c => new { c.TagId, c.Language });
        b.Property(c => c.Language).HasMaxLength(8);
        // The sitemap: the tags of one language that have an article in it.
        b.HasIndex(c => new { c.Language, c.Count });
        b.HasOne<Tag>().WithMany().HasForeignKey(c => c.TagId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>
/// The triggers that keep <see cref="TagLanguage"/> exact. They run inside the statement that changes an article or a
/// link, so a count can never disagree with the articles, whatever writes them (the editor, the scheduler, an import)
/// and whenever the process dies.
/// </summary>
public static class TagLanguageSql
{
    public const string Table = "TagLanguages";

    private const string Published = StoredStatus.Published;

    /// <summary>SQLite: a link gained or lost, an article's status or language changed, an article deleted.</summary>
    public const string CreateSqlite = $"""
        CREATE TRIGGER "ArticleTags_TagLanguages_ai" AFTER INSERT ON "ArticleTags" BEGIN
            INSERT INTO "TagLanguages" ("TagId", "Language", "Count")
                SELECT new."TagsId", a."Language", 1 FROM "Articles" AS a WHERE a."Id" = new."ArticlesId" AND a."Status" = {Published}
                ON CONFLICT ("TagId", "Language") DO UPDATE SET "Count" = "Count" + 1;
        END;
        CREATE TRIGGER "ArticleTags_TagLanguages_ad" AFTER DELETE ON "ArticleTags" BEGIN
            UPDATE "TagLanguages" SET "Count" = "Count" - 1
                WHERE "TagId" = old."TagsId"
                  AND "Language" = (SELECT a."Language" FROM "Articles" AS a WHERE a."Id" = old."ArticlesId" AND a."Status" = {Published});
        END;
        CREATE TRIGGER "Articles_TagLanguages_au" AFTER UPDATE OF "Status", "Language" ON "Articles"
            WHEN (old."Status" = {Published}) <> (new."Status" = {Published}) OR (new."Status" = {Published} AND old."Language" <> new."Language") BEGIN
            UPDATE "TagLanguages" SET "Count" = "Count" - 1
                WHERE old."Status" = {Published} AND "Language" = old."Language"
                  AND "TagId" IN (SELECT j."TagsId" FROM "ArticleTags" AS j WHERE j."ArticlesId" = old."Id");
            INSERT INTO "TagLanguages" ("TagId", "Language", "Count")
                SELECT j."TagsId", new."Language", 1 FROM "ArticleTags" AS j WHERE j."ArticlesId" = new."Id" AND new."Status" = {Published}
                ON CONFLICT ("TagId", "Language") DO UPDATE SET "Count" = "Count" + 1;
        END;
        CREATE TRIGGER "Articles_TagLanguages_bd" BEFORE DELETE ON "Articles" WHEN old."Status" = {Published} BEGIN
            UPDATE "TagLanguages" SET "Count" = "Count" - 1
                WHERE "Language" = old."Language"
                  AND "TagId" IN (SELECT j."TagsId" FROM "ArticleTags" AS j WHERE j."ArticlesId" = old."Id");
        END;
        """;

    public const string DropSqlite = """
        DROP TRIGGER IF EXISTS "Articles_TagLanguages_bd";
        DROP TRIGGER IF EXISTS "Articles_TagLanguages_au";
        DROP TRIGGER IF EXISTS "ArticleTags_TagLanguages_ad";
        DROP TRIGGER IF EXISTS "ArticleTags_TagLanguages_ai";
        """;

    /// <summary>Counts every tag and language from the articles (the migration's first fill).</summary>
    public const string Fill = $"""
        INSERT INTO "TagLanguages" ("TagId", "Language", "Count")
            SELECT j."TagsId", a."Language", COUNT(*) FROM "ArticleTags" AS j JOIN "Articles" AS a ON a."Id" = j."ArticlesId"
            WHERE a."Status" = {Published} GROUP BY j."TagsId", a."Language";
        """;

    /// <summary>PostgreSQL: the same four rules as <see cref="CreateSqlite"/>, as trigger functions.</summary>
    public const string CreatePostgreSql = $$"""
        CREATE FUNCTION "TagLanguages_link_added"() RETURNS trigger LANGUAGE plpgsql AS $f$
        BEGIN
            INSERT INTO "TagLanguages" ("TagId", "Language", "Count")
                SELECT NEW."TagsId", a."Language", 1 FROM "Articles" AS a WHERE a."Id" = NEW."ArticlesId" AND a."Status" = {{Published}}
                ON CONFLICT ("TagId", "Language") DO UPDATE SET "Count" = "TagLanguages"."Count" + 1;
            RETURN NULL;
        END $f$;
        CREATE TRIGGER "ArticleTags_TagLanguages_ai" AFTER INSERT ON "ArticleTags" FOR EACH ROW EXECUTE FUNCTION "TagLanguages_link_added"();

        CREATE FUNCTION "TagLanguages_link_removed"() RETURNS trigger LANGUAGE plpgsql AS $f$
        BEGIN
            UPDATE "TagLanguages" SET "Count" = "Count" - 1
                WHERE "TagId" = OLD."TagsId"
                  AND "Language" = (SELECT a."Language" FROM "Articles" AS a WHERE a."Id" = OLD."ArticlesId" AND a."Status" = {{Published}});
            RETURN NULL;
        END $f$;
        CREATE TRIGGER "ArticleTags_TagLanguages_ad" AFTER DELETE ON "ArticleTags" FOR EACH ROW EXECUTE FUNCTION "TagLanguages_link_removed"();

        CREATE FUNCTION "TagLanguages_article_changed"() RETURNS trigger LANGUAGE plpgsql AS $f$
        BEGIN
            IF OLD."Status" = {{Published}} THEN
                UPDATE "TagLanguages" SET "Count" = "Count" - 1
                    WHERE "Language" = OLD."Language" AND "TagId" IN (SELECT j."TagsId" FROM "ArticleTags" AS j WHERE j."ArticlesId" = OLD."Id");
            END IF;
            IF NEW."Status" = {{Published}} THEN
                INSERT INTO "TagLanguages" ("TagId", "Language", "Count")
                    SELECT j."TagsId", NEW."Language", 1 FROM "ArticleTags" AS j WHERE j."ArticlesId" = NEW."Id"
                    ON CONFLICT ("TagId", "Language") DO UPDATE SET "Count" = "TagLanguages"."Count" + 1;
            END IF;
            RETURN NULL;
        END $f$;
        CREATE TRIGGER "Articles_TagLanguages_au" AFTER UPDATE OF "Status", "Language" ON "Articles" FOR EACH ROW
            WHEN ((OLD."Status" = {{Published}}) IS DISTINCT FROM (NEW."Status" = {{Published}}) OR (NEW."Status" = {{Published}} AND OLD."Language" <> NEW."Language"))
            EXECUTE FUNCTION "TagLanguages_article_changed"();

        CREATE FUNCTION "TagLanguages_article_deleted"() RETURNS trigger LANGUAGE plpgsql AS $f$
        BEGIN
            UPDATE "TagLanguages" SET "Count" = "Count" - 1
                WHERE "Language" = OLD."Language" AND "TagId" IN (SELECT j."TagsId" FROM "ArticleTags" AS j WHERE j."ArticlesId" = OLD."Id");
            RETURN OLD;
        END $f$;
        CREATE TRIGGER "Articles_TagLanguages_bd" BEFORE DELETE ON "Articles" FOR EACH ROW WHEN (OLD."Status" = {{Published}})
            EXECUTE FUNCTION "TagLanguages_article_deleted"();
        """;
}
