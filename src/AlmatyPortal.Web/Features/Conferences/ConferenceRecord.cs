using System.Data.Common;

namespace AlmatyPortal.Web.Features.Conferences;

/// <summary>
/// A part of a conference record that another feature keeps (the process a meeting belongs to), registered so that it is
/// read with the record's own parts in one query and Conferences never needs to know it.
/// </summary>
public interface IConferencePartSource
{
    /// <summary>
    /// One SELECT of the parts, standard SQL that both providers run, over the parameters <c>@id</c>, <c>@group</c> and
    /// <c>@language</c> (the record's id, translation group and language), with the columns of
    /// <see cref="ConferenceRecord.Part"/> in its order: Kind (a number of its own, past the record's own kinds),
    /// SortOrder, Number, Role (NULL), A, B, C, When.
    /// </summary>
    string Parts { get; }
}

/// <summary>
/// The conference page's two reads, as <see cref="FixedQuery"/>s: the record with its translations, then every part of it
/// (organisations, speakers, countries, topics, documents, reports, and the kinds other features register) as one list.
/// </summary>
public sealed class ConferenceRecord
{
    // The record on each row, one row per published version of the meeting (the record's own among them).
    private static readonly FixedQuery Record = new($"""
        SELECT "c"."Id", "c"."TranslationGroup", "c"."Language", "c"."Slug", "c"."Title", "c"."Summary", "c"."BodyHtml", "c"."City",
            "n"."Name", "n"."IsoAlpha2", "c"."Venue", "c"."StartDate", "c"."EndDate", "c"."ParticipantCount", "c"."ParticipantCountQualifier",
            "c"."ParticipantLevel", "c"."FollowUpName", "c"."FollowUpDescription", "v"."Language", "v"."Slug"
        FROM "Conferences" AS "c"
        LEFT JOIN "Countries" AS "n" ON "c"."CountryId" = "n"."Id"
        INNER JOIN "Conferences" AS "v" ON "v"."TranslationGroup" = "c"."TranslationGroup" AND "v"."Status" = {StoredStatus.Published}
        WHERE "c"."Language" = @language AND "c"."Status" = {StoredStatus.Published} AND "c"."Slug" = @slug
        """, ("language", typeof(string)), ("slug", typeof(string)));

    // The reports first: PostgreSQL types a UNION pair by pair, so their moment must come before the NULLs of the others.
    private const string OwnParts = $"""
        SELECT 5 AS "Kind", 0 AS "SortOrder", "a"."Id" AS "Number", NULL AS "Role", "a"."Title" AS "A", "a"."Slug" AS "B", "a"."Summary" AS "C", "a"."PublishAt" AS "When"
        FROM "ArticleConferences" AS "j"
        INNER JOIN "Articles" AS "a" ON "j"."ArticlesId" = "a"."Id"
        WHERE "j"."ConferencesId" = @id AND "a"."Status" = {StoredStatus.Published}
        UNION ALL
        SELECT 0, "co"."SortOrder", "co"."OrganisationId", "co"."Role", "o"."Name", "o"."Acronym", "o"."Url", NULL
        FROM "ConferenceOrganisation" AS "co"
        INNER JOIN "Organisations" AS "o" ON "co"."OrganisationId" = "o"."Id"
        WHERE "co"."ConferenceId" = @id
        UNION ALL
        SELECT 1, "cs"."SortOrder", "cs"."PersonId", NULL, "p"."Name", "cs"."Title", "cs"."Session", NULL
        FROM "ConferenceSpeaker" AS "cs"
        INNER JOIN "People" AS "p" ON "cs"."PersonId" = "p"."Id"
        WHERE "cs"."ConferenceId" = @id
        UNION ALL
        SELECT 2, "cc"."SortOrder", "cc"."CountryId", NULL, "n"."Name", NULL, NULL, NULL
        FROM "ConferenceCountry" AS "cc"
        INNER JOIN "Countries" AS "n" ON "cc"."CountryId" = "n"."Id"
        WHERE "cc"."ConferenceId" = @id
        UNION ALL
        SELECT 3, "ct"."SortOrder", "ct"."Id", NULL, "ct"."Text", NULL, NULL, NULL
        FROM "ConferenceTopic" AS "ct"
        WHERE "ct"."ConferenceId" = @id
        UNION ALL
        SELECT 4, "d"."SortOrder", "d"."Id", NULL, "d"."Title", "d"."Description", "d"."Url", NULL
        FROM "OutcomeDocument" AS "d"
        WHERE "d"."ConferenceId" = @id
        """;

    private readonly FixedQuery _parts;

    public ConferenceRecord(IEnumerable<IConferencePartSource> sources) =>
        _parts = new(string.Join("\nUNION ALL\n", [OwnParts, .. sources.Select(s => s.Parts)]),
            ("id", typeof(int)), ("group", typeof(Guid)), ("language", typeof(string)));

    /// <summary>The published record in the language, with every published version of it; null when there is none.</summary>
    public async Task<Row?> ReadAsync(PortalDbContext db, string language, string slug, CancellationToken ct)
    {
        // The record's columns repeat on every version's row: read them from the first only.
        Row? record = null;
        var versions = await Record.ListAsync(db, row =>
        {
            record ??= ReadRow(row);
            return new Version { Language = row.GetString(18), Slug = row.GetString(19) };
        }, ct, language, slug);
        return record is null ? null : record with { Translations = versions };
    }

    /// <summary>Every part of the record, the registered kinds' among them, in no particular order.</summary>
    public Task<List<Part>> PartsAsync(PortalDbContext db, Row record, CancellationToken ct) =>
        _parts.ListAsync(db, row => new Part
        {
            Kind = (PartKind)row.GetInt32(0), SortOrder = row.GetInt32(1), Number = row.GetInt32(2),
            Role = row.IsDBNull(3) ? null : row.Named<OrganisationRole>(3),
            A = row.NullableString(4), B = row.NullableString(5), C = row.NullableString(6), When = row.NullableUtc(7),
        }, ct, record.Id, record.TranslationGroup, record.Language);

    private static Row ReadRow(DbDataReader row) => new()
    {
        Id = row.GetInt32(0), TranslationGroup = row.GetGuid(1), Language = row.GetString(2), Slug = row.GetString(3), Title = row.GetString(4),
        Summary = row.GetString(5), BodyHtml = row.GetString(6), City = row.GetString(7), CountryName = row.NullableString(8),
        CountryIso = row.NullableString(9), Venue = row.NullableString(10), StartDate = row.Date(11), EndDate = row.Date(12),
        ParticipantCount = row.NullableInt32(13), ParticipantCountQualifier = row.Named<CountQualifier>(14), ParticipantLevel = row.NullableString(15),
        FollowUpName = row.NullableString(16), FollowUpDescription = row.NullableString(17),
    };

    public sealed record Row
    {
        public int Id { get; init; }
        public Guid TranslationGroup { get; init; }
        public string Language { get; init; } = "";
        public string Slug { get; init; } = "";
        public string Title { get; init; } = "";
        public string Summary { get; init; } = "";
        public string BodyHtml { get; init; } = "";
        public string City { get; init; } = "";
        public string? CountryName { get; init; }
        public string? CountryIso { get; init; }
        public string? Venue { get; init; }
        public DateOnly StartDate { get; init; }
        public DateOnly EndDate { get; init; }
        public int? ParticipantCount { get; init; }
        public CountQualifier ParticipantCountQualifier { get; init; }
        public string? ParticipantLevel { get; init; }
        public string? FollowUpName { get; init; }
        public string? FollowUpDescription { get; init; }
        public List<Version> Translations { get; init; } = [];
    }

    public sealed record Version
    {
        public string Language { get; init; } = "";
        public string Slug { get; init; } = "";
    }

    /// <summary>The record's own kinds of part; another feature's kind is a number past these.</summary>
    public enum PartKind
    {
        Organisation,
        Speaker,
        Country,
        Topic,
        Document,
        Report,
    }

    /// <summary>One part of a conference record, in a shape every kind of part fits, so all are read in one query.</summary>
    public sealed record Part
    {
        public PartKind Kind { get; init; }
        public int SortOrder { get; init; }
        public int Number { get; init; }
        /// <summary>An organisation's role; null in the other parts (a typed constant there is not a string to PostgreSQL).</summary>
        public OrganisationRole? Role { get; init; }
        public string? A { get; init; }
        public string? B { get; init; }
        public string? C { get; init; }
        public DateTime? When { get; init; }
    }
}
