namespace AlmatyPortal.Web.Features.Search;

/// <summary>The SQLite FTS5 table and the triggers that keep it in step with SearchDocuments.</summary>
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
}
