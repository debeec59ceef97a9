using System.Text.RegularExpressions;

namespace AlmatyPortal.Web.Features.Conferences;

/// <summary>
/// Staff changes to the countries and people (speakers) that conference records name, with their names in every
/// language. Each save answers null on success, or the reason it refused; a refused save changes nothing.
/// </summary>
public sealed partial class ReferenceDirectory(PortalDbContext db, Names.NameBook names, IStringLocalizer<SharedResource> t)
{
    public async Task<IReadOnlyList<Country>> CountriesAsync(CancellationToken ct) =>
        await db.Countries.AsNoTracking().OrderBy(c => c.Name).ToListAsync(ct);

    public async Task<IReadOnlyList<Person>> PeopleAsync(CancellationToken ct) =>
        await db.People.AsNoTracking().OrderBy(p => p.Name).ToListAsync(ct);

    public async Task<string?> SaveCountryAsync(int? id, string? name, string? iso2, string? iso3, IReadOnlyDictionary<string, string?>? nameTranslations, CancellationToken ct)
    {
        name = name?.Trim() ?? "";
        iso2 = iso2?.Trim().ToUpperInvariant() ?? "";
        iso3 = iso3?.Trim().ToUpperInvariant() ?? "";
        if (Names.NameBook.TooLong(nameTranslations, 100, t) is { } refusal)
        {
            return refusal;
        }
        if (name.Length is 0 or > 100)
        {
            return t["A country needs a name of at most 100 characters."].Value;
        }
        if (!Letters().IsMatch(iso2) || iso2.Length != 2 || !Letters().IsMatch(iso3) || iso3.Length != 3)
        {
            return t["Give the country's ISO 3166-1 codes: two letters and three letters, like KZ and KAZ."].Value;
        }
        if (await db.Countries.AnyAsync(c => (c.IsoAlpha2 == iso2 || c.IsoAlpha3 == iso3) && c.Id != (id ?? 0), ct))
        {
            return t["Another country already has the code {0} or {1}.", iso2, iso3].Value;
        }
        var country = id is null ? db.Countries.Add(new Country()).Entity : await db.Countries.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (country is null)
        {
            return t["That country no longer exists."].Value;
        }
        (country.Name, country.IsoAlpha2, country.IsoAlpha3) = (name, iso2, iso3);
        await Names.NameBook.SetAsync(db, name, nameTranslations, ct);
        await db.SaveChangesAsync(ct);
        await names.ReloadAsync(db, ct);
        return null;
    }

    public async Task<string?> SavePersonAsync(int? id, string? name, IReadOnlyDictionary<string, string?>? nameTranslations, CancellationToken ct)
    {
        name = name?.Trim() ?? "";
        if (Names.NameBook.TooLong(nameTranslations, 200, t) is { } refusal)
        {
            return refusal;
        }
        if (name.Length is 0 or > 200 || Slug.From(name).Length == 0)
        {
            return t["A person needs a name with letters, of at most 200 characters."].Value;
        }
        var person = id is null ? null : await db.People.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (id is not null && person is null)
        {
            return t["That person no longer exists."].Value;
        }
        if (person is null)
        {
            // A new person's slug is made from the name once and kept, as content/people.yml knows them by it.
            var slug = Slug.From(name);
            for (var n = 2; await db.People.AnyAsync(p => p.Slug == slug, ct); n++)
            {
                slug = $"{Slug.From(name)}-{n}";
            }
            person = db.People.Add(new Person { Slug = slug }).Entity;
        }
        person.Name = name;
        await Names.NameBook.SetAsync(db, name, nameTranslations, ct);
        await db.SaveChangesAsync(ct);
        await names.ReloadAsync(db, ct);
        return null;
    }

    [GeneratedRegex("^[A-Z]+$")]
    private static partial Regex Letters();
}
