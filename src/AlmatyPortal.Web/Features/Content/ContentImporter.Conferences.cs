using System.Globalization;
using AlmatyPortal.Web.Features.Conferences;

namespace AlmatyPortal.Web.Features.Content;

public sealed partial class ContentImporter
{
    private async Task ImportConferenceAsync(ConferenceFrontMatter meta, string body, string file, ImportReport report, CancellationToken ct)
    {
        Require(!string.IsNullOrWhiteSpace(meta.Title), "the conference has no title");
        Require(!string.IsNullOrWhiteSpace(meta.City), "the conference names no city");
        var language = Language(meta.Language, file);
        var slug = string.IsNullOrWhiteSpace(meta.Slug) ? Slug.From(meta.Title) : meta.Slug.Trim();
        RequireSlug(slug);
        var start = ParseDate(meta.StartDate, "start_date");
        var end = string.IsNullOrWhiteSpace(meta.EndDate) ? start : ParseDate(meta.EndDate, "end_date");
        Require(end >= start, "end_date is before start_date");
        var country = meta.Country is null ? null : await FindCountryAsync(meta.Country, ct);
        var html = RenderOrThrow(body);

        var organisations = new List<ConferenceOrganisation>();
        await AddRolesAsync(organisations, OrganisationRole.Organiser, meta.Organisations?.Organiser, ct);
        await AddRolesAsync(organisations, OrganisationRole.InCooperationWith, meta.Organisations?.InCooperationWith, ct);
        await AddRolesAsync(organisations, OrganisationRole.SupportedBy, meta.Organisations?.SupportedBy, ct);
        await AddRolesAsync(organisations, OrganisationRole.Host, meta.Organisations?.Host, ct);
        await AddRolesAsync(organisations, OrganisationRole.Funder, meta.Organisations?.Funder, ct);

        var speakers = new List<ConferenceSpeaker>();
        foreach (var speaker in meta.Speakers ?? [])
        {
            var person = await db.People.FirstOrDefaultAsync(p => p.Slug == speaker.Person, ct)
                ?? throw new ContentException($"unknown person '{speaker.Person}' (people are listed in people.yml)");
            Require(!string.IsNullOrWhiteSpace(speaker.Title), $"speaker '{speaker.Person}' needs a title");
            Require(speakers.All(s => s.PersonId != person.Id), $"speaker '{speaker.Person}' is listed twice");
            speakers.Add(new ConferenceSpeaker { PersonId = person.Id, Person = person, Title = speaker.Title.Trim(), Session = Blank(speaker.Session), SortOrder = speakers.Count });
        }

        var countries = new List<ConferenceCountry>();
        foreach (var code in meta.Countries ?? [])
        {
            var participant = await FindCountryAsync(code, ct);
            Require(countries.All(c => c.CountryId != participant.Id), $"country '{code}' is listed twice");
            countries.Add(new ConferenceCountry { CountryId = participant.Id, Country = participant, SortOrder = countries.Count });
        }

        var topics = (meta.Topics ?? []).Where(t => !string.IsNullOrWhiteSpace(t))
            .Select((t, i) => new ConferenceTopic { Text = t.Trim(), SortOrder = i }).ToList();
        var documents = new List<OutcomeDocument>();
        foreach (var document in meta.Documents ?? [])
        {
            Require(!string.IsNullOrWhiteSpace(document.Title), "an outcome document needs a title");
            Require(document.Url is null || WebAddress.IsHttp(document.Url) || document.Url.StartsWith('/'), $"the url of '{document.Title}' must be http(s) or a local path");
            documents.Add(new OutcomeDocument { Title = document.Title.Trim(), Description = (document.Description ?? "").Trim(), Url = Blank(document.Url), SortOrder = documents.Count });
        }
        Require(meta.Participants?.Count is null or >= 0, "participants count cannot be negative");
        var qualifier = ParseQualifier(meta.Participants?.Qualifier);
        var source = await TranslationSourceAsync(db.Conferences, meta, language, "a conference record", ct);
        Claim("conference", language, slug, file);

        var conference = await db.Conferences
            .Include(c => c.Organisations).Include(c => c.Speakers).Include(c => c.Countries)
            .Include(c => c.Topics).Include(c => c.Documents)
            .AsSplitQuery()
            .FirstOrDefaultAsync(c => c.Language == language && c.Slug == slug, ct);
        var created = conference is null;
        conference ??= db.Conferences.Add(new Conference { Language = language, Slug = slug, CreatedAt = Now }).Entity;
        conference.Title = meta.Title.Trim();
        conference.Summary = (meta.Summary ?? "").Trim();
        conference.Status = ParseStatus(meta.Status ?? "published");
        conference.City = meta.City.Trim();
        conference.Country = country;
        conference.Venue = Blank(meta.Venue);
        conference.StartDate = start;
        conference.EndDate = end;
        conference.ParticipantCount = meta.Participants?.Count;
        conference.ParticipantCountQualifier = qualifier;
        conference.ParticipantLevel = Blank(meta.Participants?.Level);
        conference.BodyMarkdown = body;
        conference.BodyHtml = html;
        conference.FollowUpName = Blank(meta.FollowUp?.Name);
        conference.FollowUpDescription = Blank(meta.FollowUp?.Description);
        if (source is not null)
        {
            conference.TranslationGroup = source.TranslationGroup;
        }

        var partsChanged = Replace(conference.Organisations, organisations, o => (o.OrganisationId, o.Role, o.SortOrder));
        partsChanged |= Replace(conference.Speakers, speakers, s => (s.PersonId, s.Title, s.Session, s.SortOrder));
        partsChanged |= Replace(conference.Countries, countries, c => (c.CountryId, c.SortOrder));
        partsChanged |= Replace(conference.Topics, topics, t => (t.Text, t.SortOrder));
        partsChanged |= Replace(conference.Documents, documents, d => (d.Title, d.Description, d.Url, d.SortOrder));

        var changed = Changed(conference) || partsChanged;
        if (source is not null && (created || changed))
        {
            conference.TranslatedFromVersion = source.Version;
        }
        if (changed && !created)
        {
            conference.UpdatedAt = Now;
            conference.Version++;
        }
        else if (created)
        {
            conference.UpdatedAt = conference.CreatedAt;
        }
        report.Count(created, changed);
    }

    private async Task AddRolesAsync(List<ConferenceOrganisation> into, OrganisationRole role, List<string>? slugs, CancellationToken ct)
    {
        foreach (var slug in slugs ?? [])
        {
            var organisation = await db.Organisations.FirstOrDefaultAsync(o => o.Slug == slug, ct)
                ?? throw new ContentException($"unknown organisation '{slug}' (organisations are listed in organisations.yml)");
            Require(into.All(o => o.OrganisationId != organisation.Id || o.Role != role), $"organisation '{slug}' is listed twice as {role}");
            into.Add(new ConferenceOrganisation { OrganisationId = organisation.Id, Organisation = organisation, Role = role, SortOrder = into.Count });
        }
    }

    private async Task<Country> FindCountryAsync(string code, CancellationToken ct) =>
        await db.Countries.FirstOrDefaultAsync(c => c.IsoAlpha2 == code || c.IsoAlpha3 == code, ct)
            ?? throw new ContentException($"unknown country '{code}' (countries are listed in countries.yml by ISO code)");

    /// <summary>Replaces a list of owned parts only when their content differs, so a re-import writes nothing.</summary>
    /// <remarks>Each key includes the part's sort order, so comparing as sets also compares the order.</remarks>
    private static bool Replace<T, TKey>(List<T> current, List<T> wanted, Func<T, TKey> key)
    {
        if (current.Count == wanted.Count && current.Select(key).ToHashSet().SetEquals(wanted.Select(key)))
        {
            return false;
        }
        current.Clear();
        current.AddRange(wanted);
        return true;
    }

    private static DateOnly ParseDate(string? value, string field) =>
        DateOnly.TryParseExact(value?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new ContentException($"{field} '{value}' must be a date like 2011-03-15");

    private static CountQualifier ParseQualifier(string? value) => (value ?? "exact").Trim().ToLowerInvariant() switch
    {
        "exact" => CountQualifier.Exact,
        "more_than" => CountQualifier.MoreThan,
        "about" => CountQualifier.About,
        _ => throw new ContentException($"participants qualifier '{value}' must be exact, more_than or about"),
    };
}
