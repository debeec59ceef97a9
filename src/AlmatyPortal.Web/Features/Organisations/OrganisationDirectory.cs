
namespace AlmatyPortal.Web.Features.Organisations;

/// <summary>Staff changes to organisations (names and acronyms in every language). Each answers null on success, or the reason it refused.</summary>
public sealed class OrganisationDirectory(PortalDbContext db, Names.NameBook names, IStringLocalizer<SharedResource> t)
{
    public async Task<IReadOnlyList<Organisation>> OrganisationsAsync(CancellationToken ct) =>
        await db.Organisations.AsNoTracking().OrderBy(o => o.Name).ToListAsync(ct);

    public async Task<string?> SaveOrganisationAsync(int? id, string? name, string? acronym, string? url,
        IReadOnlyDictionary<string, string?>? nameTranslations, IReadOnlyDictionary<string, string?>? acronymTranslations, CancellationToken ct)
    {
        name = name?.Trim() ?? "";
        if ((Names.NameBook.TooLong(nameTranslations, 200, t) ?? Names.NameBook.TooLong(acronymTranslations, 40, t)) is { } refusal)
        {
            return refusal;
        }
        if (name.Length is 0 or > 200)
        {
            return t["An organisation needs a name of at most 200 characters."].Value;
        }
        if (!string.IsNullOrWhiteSpace(url) && !WebAddress.IsHttp(url))
        {
            return t["The web address must start with https:// or http://."].Value;
        }
        var organisation = id is null ? null : await db.Organisations.FirstOrDefaultAsync(o => o.Id == id, ct);
        if (id is not null && organisation is null)
        {
            return t["That organisation no longer exists."].Value;
        }
        if (organisation is null)
        {
            var slug = Slug.From(string.IsNullOrWhiteSpace(acronym) ? name : acronym);
            for (var n = 2; await db.Organisations.AnyAsync(o => o.Slug == slug, ct); n++)
            {
                slug = $"{Slug.From(name)}-{n}";
            }
            organisation = db.Organisations.Add(new Organisation { Slug = slug }).Entity;
        }
        organisation.Name = name;
        organisation.Acronym = string.IsNullOrWhiteSpace(acronym) ? null : acronym.Trim();
        organisation.Url = string.IsNullOrWhiteSpace(url) ? null : url.Trim();
        await Names.NameBook.SetAsync(db, name, nameTranslations, ct);
        if (organisation.Acronym is { } kept)
        {
            await Names.NameBook.SetAsync(db, kept, acronymTranslations, ct);
        }
        await db.SaveChangesAsync(ct);
        await names.ReloadAsync(db, ct);
        return null;
    }
}
