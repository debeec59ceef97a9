using System.Globalization;
using AlmatyPortal.Web.Features.Conferences;
using AlmatyPortal.Web.Features.Media;
using AlmatyPortal.Web.Features.News;

namespace AlmatyPortal.Web.Features.Content;

/// <summary>
/// Writes the database out as a content folder in the import format, so that an export followed by an import
/// changes nothing. The news/, conferences/ and processes/ folders of the target mirror the database.
/// </summary>
public sealed partial class ContentExporter(PortalDbContext db, MediaStore media, OfficeClock clock)
{
    public async Task<int> ExportAsync(string root, CancellationToken ct = default)
    {
        Directory.CreateDirectory(root);
        var written = 0;

        _names = (await db.NameTranslations.AsNoTracking().ToListAsync(ct)).ToDictionary(n => (n.Language, n.Text), n => n.Translation);

        var countries = await db.Countries.AsNoTracking().OrderBy(c => c.IsoAlpha2).ToListAsync(ct);
        written += await WriteYamlAsync(root, "countries.yml", countries.Select(c => new CountryFile { Iso2 = c.IsoAlpha2, Iso3 = c.IsoAlpha3, Name = c.Name, Translations = Translations(c.Name) }).ToList(), ct);

        var organisations = await db.Organisations.AsNoTracking().OrderBy(o => o.Slug).ToListAsync(ct);
        written += await WriteYamlAsync(root, "organisations.yml", organisations.Select(o => new OrganisationFile { Slug = o.Slug, Name = o.Name, Acronym = o.Acronym, Url = o.Url, Translations = Translations(o.Name, o.Acronym) }).ToList(), ct);

        var people = await db.People.AsNoTracking().OrderBy(p => p.Slug).ToListAsync(ct);
        written += await WriteYamlAsync(root, "people.yml", people.Select(p => new PersonFile { Slug = p.Slug, Name = p.Name, Translations = Translations(p.Name) }).ToList(), ct);

        var sections = await db.Sections.AsNoTracking().ToListAsync(ct);
        written += await WriteYamlAsync(root, "sections.yml", SectionTree(sections, null), ct);

        written += await ExportMediaAsync(root, ct);
        written += await ExportConferencesAsync(root, ct);
        written += await ExportArticlesAsync(root, ct);
        written += await ExportProcessesAsync(root, ct);
        written += await WriteYamlAsync(root, "tags.yml", await TagLinksAsync(ct), ct);
        return written;
    }

    private Dictionary<(string Language, string Text), string> _names = [];

    /// <summary>The translations of a name (and acronym) for its entry's <c>translations:</c>, or null when there are none.</summary>
    private Dictionary<string, TranslatedName>? Translations(string name, string? acronym = null)
    {
        var found = Languages.Supported.Where(l => l != Languages.Default && _names.ContainsKey((l, name)))
            .ToDictionary(l => l, l => new TranslatedName
            {
                Name = _names[(l, name)],
                Acronym = acronym is null ? null : _names.GetValueOrDefault((l, acronym)),
            });
        return found.Count == 0 ? null : found;
    }

    private List<SectionFile> SectionTree(List<Section> all, int? parentId) =>
        all.Where(s => s.ParentId == parentId).OrderBy(s => s.SortOrder).ThenBy(s => s.Slug)
            .Select(s => new SectionFile { Slug = s.Slug, Name = s.Name, Translations = Translations(s.Name), Children = SectionTree(all, s.Id) is { Count: > 0 } c ? c : null })
            .ToList();

    private async Task<int> ExportMediaAsync(string root, CancellationToken ct)
    {
        var assets = await db.Media.AsNoTracking().Include(m => m.AltTranslations).OrderBy(m => m.Name).ToListAsync(ct);
        var folder = Path.Combine(root, "media");
        Directory.CreateDirectory(folder);
        foreach (var asset in assets)
        {
            var bytes = await File.ReadAllBytesAsync(media.PathOf(asset.FileName), ct);
            var target = Path.Combine(folder, SourceName(asset));
            if (!File.Exists(target) || !(await File.ReadAllBytesAsync(target, ct)).AsSpan().SequenceEqual(bytes))
            {
                await DurableFile.WriteAsync(target, bytes, ct);
            }
        }
        var entries = assets.Select(a => new MediaFile
        {
            File = SourceName(a), Alt = a.IsDecorative ? null : a.AltText,
            AltTranslations = a.AltTranslations.Count == 0 ? null : a.AltTranslations.OrderBy(t => t.Language).ToDictionary(t => t.Language, t => t.Text),
            Decorative = a.IsDecorative,
            Credit = a.Credit, Photographer = a.Photographer, Licence = a.Licence,
        }).ToList();
        return assets.Count + await WriteYamlAsync(root, "media/media.yml", entries, ct);
    }

    // translation_from is written only for an original that is not in the default language.
    private static string? FromLanguage(string? language) => language is null || language == Languages.Default ? null : language;

    private static string SourceName(MediaAsset asset) => asset.Name + Path.GetExtension(asset.FileName);

    private async Task<int> ExportConferencesAsync(string root, CancellationToken ct)
    {
        var conferences = await db.Conferences.AsNoTracking()
            .Include(c => c.Country)
            .Include(c => c.Organisations).ThenInclude(o => o.Organisation)
            .Include(c => c.Speakers).ThenInclude(s => s.Person)
            .Include(c => c.Countries).ThenInclude(c => c.Country)
            .Include(c => c.Topics).Include(c => c.Documents)
            .AsSplitQuery()
            .OrderBy(c => c.Slug).ToListAsync(ct);
        var conferenceSources = conferences.Where(c => c.TranslatedFromVersion == null).GroupBy(c => c.TranslationGroup).ToDictionary(g => g.Key, g => (g.First().Slug, g.First().Language));
        var files = new Dictionary<string, string>();
        foreach (var c in conferences)
        {
            List<string>? Role(OrganisationRole role) =>
                c.Organisations.Where(o => o.Role == role).OrderBy(o => o.SortOrder).Select(o => o.Organisation.Slug).ToList() is { Count: > 0 } list ? list : null;
            var meta = new ConferenceFrontMatter
            {
                Title = c.Title,
                Slug = c.Slug,
                Language = c.Language == Languages.Default ? null : c.Language,
                Status = c.Status.ToString().ToLowerInvariant(),
                Summary = NullIfEmpty(c.Summary),
                City = c.City,
                Country = c.Country?.IsoAlpha2,
                Venue = c.Venue,
                StartDate = c.StartDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                EndDate = c.EndDate == c.StartDate ? null : c.EndDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                Participants = c.ParticipantCount is null && c.ParticipantLevel is null ? null : new ParticipantsFile
                {
                    Count = c.ParticipantCount,
                    Qualifier = c.ParticipantCountQualifier switch { CountQualifier.MoreThan => "more_than", CountQualifier.About => "about", _ => null },
                    Level = c.ParticipantLevel,
                },
                Organisations = new OrganisationRolesFile
                {
                    Organiser = Role(OrganisationRole.Organiser),
                    InCooperationWith = Role(OrganisationRole.InCooperationWith),
                    SupportedBy = Role(OrganisationRole.SupportedBy),
                    Host = Role(OrganisationRole.Host),
                    Funder = Role(OrganisationRole.Funder),
                },
                Speakers = c.Speakers.OrderBy(s => s.SortOrder).Select(s => new SpeakerFile { Person = s.Person.Slug, Title = s.Title, Session = s.Session }).ToList(),
                Countries = c.Countries.OrderBy(x => x.SortOrder).Select(x => x.Country.IsoAlpha2).ToList(),
                Topics = c.Topics.OrderBy(t => t.SortOrder).Select(t => t.Text).ToList(),
                Documents = c.Documents.OrderBy(d => d.SortOrder).Select(d => new DocumentFile { Title = d.Title, Description = NullIfEmpty(d.Description), Url = d.Url }).ToList(),
                FollowUp = c.FollowUpName is null ? null : new FollowUpFile { Name = c.FollowUpName, Description = c.FollowUpDescription },
                TranslationOf = c.TranslatedFromVersion is null ? null : conferenceSources.GetValueOrDefault(c.TranslationGroup).Slug,
                TranslationFrom = c.TranslatedFromVersion is null ? null : FromLanguage(conferenceSources.GetValueOrDefault(c.TranslationGroup).Language),
            };
            files[FileName(c.Slug, c.Language)] = FrontMatter.Write(meta, c.BodyMarkdown);
        }
        return await MirrorAsync(Path.Combine(root, "conferences"), files, ct);
    }

    private async Task<int> ExportArticlesAsync(string root, CancellationToken ct)
    {
        var articles = await db.Articles.AsNoTracking()
            .Include(a => a.Section).Include(a => a.FeaturedImage).Include(a => a.Tags)
            .AsSplitQuery()
            .OrderBy(a => a.Slug).ToListAsync(ct);
        var conferencesOf = (await db.Set<Dictionary<string, object>>("ArticleConferences")
                .Join(db.Conferences, j => EF.Property<int>(j, "ConferencesId"), c => c.Id, (j, c) => new { ArticleId = EF.Property<int>(j, "ArticlesId"), c.Slug })
                .ToListAsync(ct))
            .ToLookup(x => x.ArticleId, x => x.Slug);
        var articleSources = articles.Where(a => a.TranslatedFromVersion == null).GroupBy(a => a.TranslationGroup).ToDictionary(g => g.Key, g => (g.First().Slug, g.First().Language));
        var files = new Dictionary<string, string>();
        foreach (var a in articles)
        {
            var meta = new ArticleFrontMatter
            {
                Title = a.Title,
                Slug = a.Slug,
                Language = a.Language == Languages.Default ? null : a.Language,
                Section = a.Section.Slug,
                // A scheduled article is written as published with its future date; import schedules it again.
                Status = (a.Status == PublicationStatus.Scheduled ? PublicationStatus.Published : a.Status).ToString().ToLowerInvariant(),
                PublishDate = a.PublishAt is { } at ? clock.IsoLocal(at) : null,
                Summary = NullIfEmpty(a.Summary),
                Tags = a.Tags.OrderBy(t => t.Slug).Select(t => t.Name).ToList(),
                Conferences = conferencesOf[a.Id].Order(StringComparer.Ordinal).ToList(),
                Image = a.FeaturedImage is null ? null : SourceName(a.FeaturedImage),
                TranslationOf = a.TranslatedFromVersion is null ? null : articleSources.GetValueOrDefault(a.TranslationGroup).Slug,
                TranslationFrom = a.TranslatedFromVersion is null ? null : FromLanguage(articleSources.GetValueOrDefault(a.TranslationGroup).Language),
            };
            var date = a.PublishAt is { } d ? clock.ToLocal(d).ToString("yyyy-MM-dd-", CultureInfo.InvariantCulture) : "";
            files[FileName(date + a.Slug, a.Language)] = FrontMatter.Write(meta, a.BodyMarkdown);
        }
        return await MirrorAsync(Path.Combine(root, "news"), files, ct);
    }

    private static string FileName(string stem, string language) =>
        language == Languages.Default ? stem + ".md" : $"{stem}.{language}.md";

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    // Writes each file and removes the folder's other .md files, so the folder holds exactly the database's records.
    private static async Task<int> MirrorAsync(string folder, Dictionary<string, string> files, CancellationToken ct)
    {
        Directory.CreateDirectory(folder);
        foreach (var (name, text) in files)
        {
            await WriteIfChangedAsync(Path.Combine(folder, name), text, ct);
        }
        foreach (var stale in Directory.EnumerateFiles(folder, "*.md").Where(p => !files.ContainsKey(Path.GetFileName(p))).ToList())
        {
            File.Delete(stale);
        }
        return files.Count;
    }

    private static async Task<int> WriteYamlAsync<T>(string root, string name, List<T> entries, CancellationToken ct)
    {
        var path = Path.Combine(root, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await WriteIfChangedAsync(path, FrontMatter.WriteYaml(entries), ct);
        return 1;
    }

    private static async Task WriteIfChangedAsync(string path, string text, CancellationToken ct)
    {
        if (!File.Exists(path) || await File.ReadAllTextAsync(path, ct) != text)
        {
            await DurableFile.WriteTextAsync(path, text, ct);
        }
    }
}
