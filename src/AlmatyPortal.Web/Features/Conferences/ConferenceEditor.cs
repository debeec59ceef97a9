using AlmatyPortal.Web.Features.Audit;
using AlmatyPortal.Web.Features.Markdown;

namespace AlmatyPortal.Web.Features.Conferences;

/// <summary>
/// Saves conference records from the admin form in the same shape as the article editor: validate, apply, commit,
/// checked against the version the editor started from, with localized messages and one <see cref="SaveOutcome"/>.
/// </summary>
public sealed class ConferenceEditor(PortalDbContext db, MarkdownRenderer markdown, AuditLog audit, OfficeClock clock, IStringLocalizer<SharedResource> t)
{
    public async Task<SaveOutcome> SaveAsync(ConferenceInput input, SaveIntent intent, string user, CancellationToken ct = default)
    {
        // Slugs are unique per language: a translation may share its source's slug.
        var language = input.Id is { } existingId
            ? await db.Conferences.Where(c => c.Id == existingId).Select(c => c.Language).FirstOrDefaultAsync(ct) ?? Languages.Default
            : Languages.IsSupported(input.Language) ? input.Language : Languages.Default;
        var slug = string.IsNullOrWhiteSpace(input.Slug) ? Slug.From(input.Title) : input.Slug.Trim();
        var rendering = markdown.Render(input.Body);
        var errors = await ValidateAsync(input, slug, language, rendering, ct);
        if (errors.Count > 0)
        {
            return new SaveOutcome.Invalid(errors);
        }

        Conference conference;
        if (input.Id is { } id)
        {
            var existing = await db.Conferences.Include(c => c.Organisations).Include(c => c.Speakers).Include(c => c.Countries)
                .Include(c => c.Topics).Include(c => c.Documents).Include(c => c.Articles).FirstOrDefaultAsync(c => c.Id == id, ct);
            if (existing is null)
            {
                return new SaveOutcome.NotFound();
            }
            if (existing.Version != input.Version)
            {
                return new SaveOutcome.Conflict(existing.Version, existing.Title);
            }
            conference = existing;
        }
        else
        {
            conference = db.Conferences.Add(new Conference { Language = language, CreatedAt = clock.UtcNow }).Entity;
        }
        await ApplyAsync(conference, input, slug, rendering, intent, ct);
        if (intent is SaveIntent.Publish or SaveIntent.Unpublish)
        {
            audit.Add(intent == SaveIntent.Publish ? AuditLog.Publish : AuditLog.Unpublish, AuditText.Format(AuditText.Conference, conference.Slug), actor: user);
        }
        return await CommitAsync(conference, ct);
    }

    private async Task<Dictionary<string, string>> ValidateAsync(ConferenceInput input, string slug, string language, MarkdownRendering rendering, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(input.Title)) { errors[nameof(input.Title)] = t["Enter a title."].Value; }
        if (string.IsNullOrWhiteSpace(input.City)) { errors[nameof(input.City)] = t["Enter the city."].Value; }
        if (input.StartDate is null) { errors[nameof(input.StartDate)] = t["Enter the first day."].Value; }
        if (input.EndDate < input.StartDate) { errors[nameof(input.EndDate)] = t["The last day cannot be before the first day."].Value; }
        if (!rendering.Succeeded) { errors[nameof(input.Body)] = t[MarkdownRenderer.TooDeeplyNested, MarkdownRenderer.MaxNestingDepth].Value; }
        if (!Slug.IsValid(slug)) { errors[nameof(input.Slug)] = t["Use lower-case letters, digits and single hyphens."].Value; }
        else if (await db.Conferences.AnyAsync(c => c.Language == language && c.Slug == slug && c.Id != (input.Id ?? 0), ct))
        {
            errors[nameof(input.Slug)] = t["Another conference already uses this slug."].Value;
        }
        if (input.CountryId is { } host && !await db.Countries.AnyAsync(c => c.Id == host, ct)) { errors[nameof(input.CountryId)] = t["Choose a country from the list."].Value; }
        var organisationIds = input.Roles().SelectMany(r => r.Ids).Distinct().ToList();
        if (await db.Organisations.CountAsync(o => organisationIds.Contains(o.Id), ct) != organisationIds.Count) { errors[nameof(input.Organisers)] = t["Choose organisations from the lists."].Value; }
        var countryIds = input.Countries.Distinct().ToList();
        if (await db.Countries.CountAsync(c => countryIds.Contains(c.Id), ct) != countryIds.Count) { errors[nameof(input.Countries)] = t["Choose countries from the list."].Value; }
        var speakerLines = ConferenceInput.Lines(input.Speakers).ToList();
        if (speakerLines.Any(p => p.Length < 2 || p[0].Length == 0 || p[1].Length == 0 || Slug.From(p[0]).Length == 0))
        {
            errors[nameof(input.Speakers)] = t["Write each speaker on a line as: Name | title | session (the session is optional)."].Value;
        }
        var documentLines = ConferenceInput.Lines(input.Documents).ToList();
        if (documentLines.Any(p => p[0].Length == 0 || (p.Length > 2 && p[2].Length > 0 && !IsSafeAddress(p[2]))))
        {
            errors[nameof(input.Documents)] = t["Write each document on a line as: Title | description | address (an https:// or /media/ address)."].Value;
        }
        return errors;
    }

    /// <summary>Writes the form onto the record: its fields, organisations by role, speakers, countries, topics, documents and news reports.</summary>
    private async Task ApplyAsync(Conference conference, ConferenceInput input, string slug, MarkdownRendering rendering, SaveIntent intent, CancellationToken ct)
    {
        var speakerLines = ConferenceInput.Lines(input.Speakers).ToList();
        var documentLines = ConferenceInput.Lines(input.Documents).ToList();
        var countryIds = input.Countries.Distinct().ToList();
        var articles = await db.Articles.Where(a => input.Articles.Contains(a.Id)).ToListAsync(ct);
        conference.Title = input.Title.Trim();
        conference.Slug = slug;
        conference.Summary = (input.Summary ?? "").Trim();
        conference.City = input.City.Trim();
        conference.CountryId = input.CountryId;
        conference.Venue = Blank(input.Venue);
        conference.StartDate = input.StartDate!.Value;
        conference.EndDate = input.EndDate ?? input.StartDate!.Value;
        conference.ParticipantCount = input.ParticipantCount;
        conference.ParticipantCountQualifier = input.ParticipantCountQualifier;
        conference.ParticipantLevel = Blank(input.ParticipantLevel);
        conference.BodyMarkdown = input.Body ?? "";
        conference.BodyHtml = rendering.Html;
        conference.FollowUpName = Blank(input.FollowUpName);
        conference.FollowUpDescription = Blank(input.FollowUpDescription);
        conference.Status = intent switch
        {
            SaveIntent.Publish => PublicationStatus.Published,
            SaveIntent.Unpublish => PublicationStatus.Draft,
            _ => conference.Status,
        };

        var order = 0;
        // A multi-select posts in list order; organisations already in a role keep the order they had, new ones follow.
        var roles = input.Roles().SelectMany(r => r.Ids.Distinct()
            .OrderBy(oid => conference.Organisations.FirstOrDefault(o => o.OrganisationId == oid && o.Role == r.Role)?.SortOrder ?? int.MaxValue)
            .Select(oid => (Organisation: oid, r.Role))).ToList();
        conference.Organisations.RemoveAll(o => !roles.Contains((o.OrganisationId, o.Role)));
        foreach (var (organisation, role) in roles)
        {
            var part = conference.Organisations.FirstOrDefault(o => o.OrganisationId == organisation && o.Role == role);
            if (part is null)
            {
                conference.Organisations.Add(part = new ConferenceOrganisation { OrganisationId = organisation, Role = role });
            }
            part.SortOrder = order++;
        }

        // The speakers' people, read in one query; a name not known yet becomes a new person.
        var personSlugs = speakerLines.Select(l => Slug.From(l[0])).Distinct().ToList();
        var known = await db.People.Where(p => personSlugs.Contains(p.Slug)).ToListAsync(ct);
        var people = new List<Person>();
        foreach (var line in speakerLines)
        {
            var personSlug = Slug.From(line[0]);
            var person = people.FirstOrDefault(p => p.Slug == personSlug)
                ?? known.FirstOrDefault(p => p.Slug == personSlug)
                ?? db.People.Add(new Person { Slug = personSlug, Name = line[0] }).Entity;
            people.Add(person);
        }
        conference.Speakers.RemoveAll(s => people.All(p => p.Id == 0 || p.Id != s.PersonId));
        for (var i = 0; i < speakerLines.Count; i++)
        {
            var person = people[i];
            var speaker = person.Id == 0 ? null : conference.Speakers.FirstOrDefault(s => s.PersonId == person.Id);
            if (speaker is null)
            {
                if (conference.Speakers.Any(s => s.Person == person))
                {
                    continue;
                }
                conference.Speakers.Add(speaker = new ConferenceSpeaker { Person = person });
            }
            speaker.Title = speakerLines[i][1];
            speaker.Session = speakerLines[i].Length > 2 ? Blank(speakerLines[i][2]) : null;
            speaker.SortOrder = i;
        }

        // Checkboxes post in list order; countries already listed keep their order, new ones follow.
        countryIds = countryIds.OrderBy(cid => conference.Countries.FirstOrDefault(c => c.CountryId == cid)?.SortOrder ?? int.MaxValue).ToList();
        conference.Countries.RemoveAll(c => !countryIds.Contains(c.CountryId));
        for (var i = 0; i < countryIds.Count; i++)
        {
            var part = conference.Countries.FirstOrDefault(c => c.CountryId == countryIds[i]);
            if (part is null)
            {
                conference.Countries.Add(part = new ConferenceCountry { CountryId = countryIds[i] });
            }
            part.SortOrder = i;
        }

        var topics = ConferenceInput.Lines(input.Topics).Select(p => string.Join(" | ", p)).ToList();
        if (!conference.Topics.OrderBy(t => t.SortOrder).Select(t => t.Text).SequenceEqual(topics))
        {
            conference.Topics.Clear();
            conference.Topics.AddRange(topics.Select((t, i) => new ConferenceTopic { Text = t, SortOrder = i }));
        }
        var documents = documentLines.Select((p, i) => new OutcomeDocument
        {
            Title = p[0], Description = p.Length > 1 ? p[1] : "", Url = p.Length > 2 ? Blank(p[2]) : null, SortOrder = i,
        }).ToList();
        if (!conference.Documents.OrderBy(d => d.SortOrder).Select(d => (d.Title, d.Description, d.Url)).SequenceEqual(documents.Select(d => (d.Title, d.Description, d.Url))))
        {
            conference.Documents.Clear();
            conference.Documents.AddRange(documents);
        }
        conference.Articles.RemoveAll(a => !articles.Contains(a));
        conference.Articles.AddRange(articles.Where(a => !conference.Articles.Contains(a)));

        if (conference.TranslatedFromVersion is not null)
        {
            // Saved by a translator with the source at hand: the translation now follows the source as it is.
            conference.TranslatedFromVersion = await TranslationGroups.OriginalVersionAsync(db.Conferences, conference.TranslationGroup, conference.Id, ct)
                ?? conference.TranslatedFromVersion;
        }
        conference.Version++;
        conference.UpdatedAt = clock.UtcNow;
    }

    private async Task<SaveOutcome> CommitAsync(Conference conference, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return new SaveOutcome.Saved(conference.Id, conference.Version, conference.Status, conference.Slug);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another save moved the version between this one's read and its write.
            var (version, title) = (conference.Version - 1, conference.Title);
            db.ChangeTracker.Clear();
            return new SaveOutcome.Conflict(version, title);
        }
    }

    private static bool IsSafeAddress(string url) =>
        url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal)
        || WebAddress.IsHttp(url);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
