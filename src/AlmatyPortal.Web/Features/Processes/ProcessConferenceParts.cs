using AlmatyPortal.Web.Features.Conferences;

namespace AlmatyPortal.Web.Features.Processes;

/// <summary>
/// The published processes in the record's language that a conference (any version of it) belongs to, read as parts of
/// the conference's record: as a query of its own it cost the uncached conference page about 5 % of its requests per
/// second (15 interleaved rounds without it: 1.06×).
/// </summary>
public sealed class ProcessConferenceParts : IConferencePartSource
{
    public string Parts => $"""
        SELECT {ProcessQueries.ProcessLinkKind}, 0, "p"."Id", NULL, "p"."Name", "p"."Slug", NULL, NULL
        FROM "ProcessConferences" AS "pl"
        INNER JOIN "Processes" AS "p" ON "p"."TranslationGroup" = "pl"."ProcessGroup"
        WHERE "pl"."ConferenceGroup" = @group AND "p"."Language" = @language AND "p"."Status" = {StoredStatus.Published}
        """;
}
