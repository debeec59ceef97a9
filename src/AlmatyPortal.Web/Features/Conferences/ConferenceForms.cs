
namespace AlmatyPortal.Web.Features.Conferences;

/// <summary>The reads behind the admin conference pages.</summary>
public sealed class ConferenceForms(PortalDbContext db)
{
    public async Task<(ConferenceInput Input, PublicationStatus Status, string Slug, string Language)?> LoadAsync(int id, CancellationToken ct)
    {
        var c = await db.Conferences.AsNoTracking()
            .Include(x => x.Organisations).Include(x => x.Speakers).ThenInclude(s => s.Person).Include(x => x.Countries)
            .Include(x => x.Topics).Include(x => x.Documents).Include(x => x.Articles)
            .FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null)
        {
            return null;
        }
        List<int> Role(OrganisationRole role) => c.Organisations.Where(o => o.Role == role).OrderBy(o => o.SortOrder).Select(o => o.OrganisationId).ToList();
        var input = new ConferenceInput
        {
            Id = c.Id, Version = c.Version, Title = c.Title, Slug = c.Slug, Summary = c.Summary, City = c.City, CountryId = c.CountryId,
            Venue = c.Venue, StartDate = c.StartDate, EndDate = c.EndDate, ParticipantCount = c.ParticipantCount,
            ParticipantCountQualifier = c.ParticipantCountQualifier, ParticipantLevel = c.ParticipantLevel, Body = c.BodyMarkdown,
            Organisers = Role(OrganisationRole.Organiser), InCooperationWith = Role(OrganisationRole.InCooperationWith),
            SupportedBy = Role(OrganisationRole.SupportedBy), Hosts = Role(OrganisationRole.Host), Funders = Role(OrganisationRole.Funder),
            Speakers = string.Join('\n', c.Speakers.OrderBy(s => s.SortOrder).Select(s => $"{s.Person.Name} | {s.Title}" + (s.Session is null ? "" : $" | {s.Session}"))),
            Countries = c.Countries.OrderBy(x => x.SortOrder).Select(x => x.CountryId).ToList(),
            Topics = string.Join('\n', c.Topics.OrderBy(t => t.SortOrder).Select(t => t.Text)),
            Documents = string.Join('\n', c.Documents.OrderBy(d => d.SortOrder).Select(d => $"{d.Title} | {d.Description}" + (d.Url is null ? "" : $" | {d.Url}"))),
            FollowUpName = c.FollowUpName, FollowUpDescription = c.FollowUpDescription,
            Articles = c.Articles.Select(a => a.Id).ToList(),
        };
        return (input, c.Status, c.Slug, c.Language);
    }

    public async Task<ConferenceChoices> ChoicesAsync(CancellationToken ct) => new(
        await db.Countries.AsNoTracking().OrderBy(c => c.Name).Select(c => new Choice(c.Id, c.Name)).ToListAsync(ct),
        await db.Organisations.AsNoTracking().OrderBy(o => o.Name).Select(o => new Choice(o.Id, o.Name, null, o.Acronym)).ToListAsync(ct),
        await db.Articles.AsNoTracking().OrderByDescending(a => a.PublishAt).Take(300).Select(a => new Choice(a.Id, a.Title, a.Language, null)).ToListAsync(ct));

    public async Task<IReadOnlyList<ConferenceRow>> ListAsync(CancellationToken ct) =>
        await db.Conferences.AsNoTracking().OrderByDescending(c => c.StartDate)
            .Select(c => new ConferenceRow(c.Id, c.Title, c.Slug, c.Language, c.StartDate, c.EndDate, c.City, c.Status)).ToListAsync(ct);
}

/// <summary>An option in a list: its name, the language it is written in (for content) and an acronym.</summary>
public sealed record Choice(int Id, string Name, string? Language = null, string? Acronym = null);

public sealed record ConferenceChoices(IReadOnlyList<Choice> Countries, IReadOnlyList<Choice> Organisations, IReadOnlyList<Choice> Articles);

public sealed record ConferenceRow(int Id, string Title, string Slug, string Language, DateOnly StartDate, DateOnly EndDate, string City, PublicationStatus Status);
