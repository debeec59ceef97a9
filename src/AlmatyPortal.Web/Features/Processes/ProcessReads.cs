namespace AlmatyPortal.Web.Features.Processes;

/// <summary>The process a conference page links to, as a <see cref="FixedQuery"/> (the page a crawler misses on).</summary>
public sealed class ProcessReads
{
    private static readonly FixedQuery ProcessOfConference = new($"""
        SELECT "p"."Id", "p"."Slug", "p"."Name"
        FROM "Processes" AS "p"
        INNER JOIN "ProcessConferences" AS "l" ON "p"."TranslationGroup" = "l"."ProcessGroup"
        WHERE "l"."ConferenceGroup" = @conferenceGroup AND "p"."Language" = @language AND "p"."Status" = {StoredStatus.Published}
        ORDER BY "p"."Name"
        LIMIT 1
        """, ("conferenceGroup", typeof(Guid)), ("language", typeof(string)));

    /// <summary>The first by name of the published processes in the language that the conference (by its translation group) belongs to.</summary>
    public Task<ProcessLink?> OfConference(PortalDbContext db, Guid conferenceGroup, string language, CancellationToken ct) =>
        ProcessOfConference.FirstAsync(db, row => new ProcessLink(row.GetInt32(0), row.GetString(1), row.GetString(2)), ct, conferenceGroup, language);
}
