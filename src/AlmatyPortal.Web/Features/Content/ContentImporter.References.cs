using AlmatyPortal.Web.Features.Conferences;
using AlmatyPortal.Web.Features.Media;
using AlmatyPortal.Web.Features.News;
using AlmatyPortal.Web.Features.Organisations;

namespace AlmatyPortal.Web.Features.Content;

/// <summary>The reference lists (countries, organisations, people, sections) and the media list of content/.</summary>
public sealed partial class ContentImporter
{
    private async Task ImportCountry(CountryFile entry, int position, ImportReport report)
    {
        Require(entry.Iso2.Length == 2 && entry.Iso2.All(char.IsAsciiLetterUpper), "iso2 must be two capital letters");
        Require(entry.Iso3.Length == 3 && entry.Iso3.All(char.IsAsciiLetterUpper), "iso3 must be three capital letters");
        Require(!string.IsNullOrWhiteSpace(entry.Name), "a country needs a name");
        var country = await db.Countries.FirstOrDefaultAsync(c => c.IsoAlpha2 == entry.Iso2);
        var created = country is null;
        country ??= db.Countries.Add(new Country { IsoAlpha2 = entry.Iso2 }).Entity;
        country.IsoAlpha3 = entry.Iso3;
        country.Name = entry.Name.Trim();
        var translated = await TranslateAsync(country.Name, entry.Translations, t => t.Name);
        report.Count(created, Changed(country) || translated);
    }

    private async Task ImportOrganisation(OrganisationFile entry, int position, ImportReport report)
    {
        RequireSlug(entry.Slug);
        Require(!string.IsNullOrWhiteSpace(entry.Name), "an organisation needs a name");
        Require(entry.Url is null || WebAddress.IsHttp(entry.Url), "url must be an absolute http(s) address");
        var organisation = await db.Organisations.FirstOrDefaultAsync(o => o.Slug == entry.Slug);
        var created = organisation is null;
        organisation ??= db.Organisations.Add(new Organisation { Slug = entry.Slug }).Entity;
        organisation.Name = entry.Name.Trim();
        organisation.Acronym = Blank(entry.Acronym);
        organisation.Url = Blank(entry.Url);
        Require(organisation.Acronym is not null || (entry.Translations ?? []).Values.All(t => t.Acronym is null), "a translated acronym needs an acronym");
        var translated = await TranslateAsync(organisation.Name, entry.Translations, t => t.Name);
        if (organisation.Acronym is { } acronym)
        {
            translated |= await TranslateAsync(acronym, entry.Translations, t => t.Acronym);
        }
        report.Count(created, Changed(organisation) || translated);
    }

    private async Task ImportPerson(PersonFile entry, int position, ImportReport report)
    {
        RequireSlug(entry.Slug);
        Require(!string.IsNullOrWhiteSpace(entry.Name), "a person needs a name");
        var person = await db.People.FirstOrDefaultAsync(p => p.Slug == entry.Slug);
        var created = person is null;
        person ??= db.People.Add(new Person { Slug = entry.Slug }).Entity;
        person.Name = entry.Name.Trim();
        var translated = await TranslateAsync(person.Name, entry.Translations, t => t.Name);
        report.Count(created, Changed(person) || translated);
    }

    private async Task ImportSectionTree(SectionFile entry, int position, ImportReport report) =>
        await ImportSection(entry, null, position, report);

    private async Task ImportSection(SectionFile entry, Section? parent, int order, ImportReport report)
    {
        RequireSlug(entry.Slug);
        Require(!string.IsNullOrWhiteSpace(entry.Name), $"section '{entry.Slug}' needs a name");
        var section = db.Sections.Local.FirstOrDefault(s => s.Slug == entry.Slug)
            ?? await db.Sections.FirstOrDefaultAsync(s => s.Slug == entry.Slug);
        var created = section is null;
        section ??= db.Sections.Add(new Section { Slug = entry.Slug }).Entity;
        section.Name = entry.Name.Trim();
        section.Parent = parent;
        section.SortOrder = order;
        var translated = await TranslateAsync(section.Name, entry.Translations, t => t.Name);
        report.Count(created, Changed(section) || translated);
        var childOrder = 0;
        foreach (var child in entry.Children ?? [])
        {
            await ImportSection(child, section, ++childOrder, report);
        }
    }

    private async Task ImportMediaAsync(string root, ImportReport report, CancellationToken ct)
    {
        const string name = "media/media.yml";
        await ImportListAsync<MediaFile>(root, name, report, async (entry, _, r) =>
        {
            var fileName = Path.GetFileName(entry.File ?? "");
            Require(fileName.Length > 0 && fileName == entry.File, "file must name an image beside media.yml");
            var path = Path.Combine(root, "media", fileName);
            Require(File.Exists(path), $"the image '{fileName}' is not in media/");
            var bytes = await File.ReadAllBytesAsync(path, ct);
            var facts = MediaStore.Inspect(bytes) ?? throw new ContentException($"'{fileName}' is not a JPEG, PNG or WebP image");
            Require(entry.Decorative || !string.IsNullOrWhiteSpace(entry.Alt), $"'{fileName}' needs alt text, or decorative: true");
            Require(!string.IsNullOrWhiteSpace(entry.Credit), $"'{fileName}' needs a credit line, such as '© UNHCR'");

            var mediaName = Slug.From(Path.GetFileNameWithoutExtension(fileName));
            Require((entry.AltTranslations ?? []).Keys.All(l => Languages.IsSupported(l) && l != Languages.Default),
                $"alt_translations may name only {string.Join(", ", Languages.Supported.Where(l => l != Languages.Default))}");
            var asset = await db.Media.Include(m => m.AltTranslations).FirstOrDefaultAsync(m => m.Name == mediaName, ct);
            var created = asset is null;
            asset ??= db.Media.Add(new MediaAsset { Name = mediaName, CreatedAt = Now }).Entity;
            asset.FileName = await media.SaveAsync(mediaName, facts.Extension, bytes, ct);
            asset.ContentType = facts.ContentType;
            asset.Width = facts.Width;
            asset.Height = facts.Height;
            var altBefore = string.Join("\n", asset.AltTranslations.OrderBy(t => t.Language).Select(t => t.Language + "=" + t.Text));
            new MediaDetails(entry.Alt, entry.Decorative, entry.Credit, entry.Photographer, entry.Licence,
                entry.AltTranslations?.ToDictionary(t => t.Key, t => (string?)t.Value)).ApplyTo(asset);
            var altAfter = string.Join("\n", asset.AltTranslations.OrderBy(t => t.Language).Select(t => t.Language + "=" + t.Text));
            r.Count(created, Changed(asset) || altBefore != altAfter);
        }, ct);
    }
}
