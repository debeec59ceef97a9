namespace AlmatyPortal.Web.Features.Search;

/// <summary>
/// The full-text index over SearchDocuments: on SQLite an FTS5 table kept in step by triggers; on PostgreSQL a stored
/// tsvector column the database computes on every write, with a GIN index.
/// </summary>
public static class SearchIndexSql
{
    public const string Create = """
        CREATE VIRTUAL TABLE "SearchEntries" USING fts5(
            "Title", "Summary", "Body",
            content='SearchDocuments', content_rowid='Id',
            tokenize='unicode61 remove_diacritics 2');
        CREATE TRIGGER "SearchDocuments_ai" AFTER INSERT ON "SearchDocuments" BEGIN
            INSERT INTO "SearchEntries"(rowid, "Title", "Summary", "Body") VALUES (new."Id", new."Title", new."Summary", new."Body");
        END;
        CREATE TRIGGER "SearchDocuments_ad" AFTER DELETE ON "SearchDocuments" BEGIN
            INSERT INTO "SearchEntries"("SearchEntries", rowid, "Title", "Summary", "Body") VALUES ('delete', old."Id", old."Title", old."Summary", old."Body");
        END;
        CREATE TRIGGER "SearchDocuments_au" AFTER UPDATE ON "SearchDocuments" BEGIN
            INSERT INTO "SearchEntries"("SearchEntries", rowid, "Title", "Summary", "Body") VALUES ('delete', old."Id", old."Title", old."Summary", old."Body");
            INSERT INTO "SearchEntries"(rowid, "Title", "Summary", "Body") VALUES (new."Id", new."Title", new."Summary", new."Body");
        END;
        """;

    public const string Drop = """
        DROP TRIGGER IF EXISTS "SearchDocuments_au";
        DROP TRIGGER IF EXISTS "SearchDocuments_ad";
        DROP TRIGGER IF EXISTS "SearchDocuments_ai";
        DROP TABLE IF EXISTS "SearchEntries";
        """;

    /// <summary>Rebuilds the FTS5 index from SearchDocuments.</summary>
    public const string Rebuild = """INSERT INTO "SearchEntries"("SearchEntries") VALUES ('rebuild');""";

    /// <summary>
    /// Merges the FTS5 index's segments into one b-tree, dropping the entries of deleted and replaced documents. Each
    /// write adds a segment and FTS5 merges them only in part, so a word in many documents is read from several.
    /// </summary>
    public const string Optimize = """INSERT INTO "SearchEntries"("SearchEntries") VALUES ('optimize');""";

    /// <summary>
    /// PostgreSQL: title A, summary B, body C, each in the document's language's configuration, computed by the
    /// database with the row, so it is never out of step. The configurations are PostgreSQL's english, russian and
    /// simple with accents removed first (unaccent, a trusted extension), so "cafe" finds "café" as it does on SQLite.
    /// </summary>
    public const string CreatePostgreSql = """
        CREATE EXTENSION IF NOT EXISTS unaccent;
        CREATE TEXT SEARCH CONFIGURATION portal_english (COPY = english);
        ALTER TEXT SEARCH CONFIGURATION portal_english ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem;
        CREATE TEXT SEARCH CONFIGURATION portal_russian (COPY = russian);
        ALTER TEXT SEARCH CONFIGURATION portal_russian ALTER MAPPING FOR hword, hword_part, word WITH unaccent, russian_stem;
        CREATE TEXT SEARCH CONFIGURATION portal_simple (COPY = simple);
        ALTER TEXT SEARCH CONFIGURATION portal_simple ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;
        ALTER TABLE "SearchDocuments" ADD COLUMN "Vector" tsvector GENERATED ALWAYS AS (
            setweight(to_tsvector(CASE "Language" WHEN 'en' THEN 'portal_english'::regconfig WHEN 'ru' THEN 'portal_russian'::regconfig ELSE 'portal_simple'::regconfig END, "Title"), 'A') ||
            setweight(to_tsvector(CASE "Language" WHEN 'en' THEN 'portal_english'::regconfig WHEN 'ru' THEN 'portal_russian'::regconfig ELSE 'portal_simple'::regconfig END, "Summary"), 'B') ||
            setweight(to_tsvector(CASE "Language" WHEN 'en' THEN 'portal_english'::regconfig WHEN 'ru' THEN 'portal_russian'::regconfig ELSE 'portal_simple'::regconfig END, "Body"), 'C')
        ) STORED;
        CREATE INDEX "IX_SearchDocuments_Vector" ON "SearchDocuments" USING GIN ("Vector");
        """;
}
