using AlmatyPortal.Web.Features.Markdown;
using AlmatyPortal.Web.Features.Media;

namespace AlmatyPortal.Web.Features.Content;

/// <summary>
/// Imports content/ into the database, upserting by slug: a second run over the same files changes nothing.
/// A broken file is reported by name and skipped; the rest still import.
/// </summary>
public sealed partial class ContentImporter(
    PortalDbContext db, MarkdownRenderer markdown, MediaStore media, TimeProvider clock, Names.NameBook names, ILogger<ContentImporter> logger)
{
    public async Task<ImportReport> ImportAsync(string root, CancellationToken ct = default)
    {
        var report = new ImportReport();
        _claimed.Clear();
        if (!Directory.Exists(root))
        {
            report.Problem(root, "the content folder does not exist");
            return report;
        }

        await ImportListAsync<CountryFile>(root, "countries.yml", report, ImportCountry, ct);
        await ImportListAsync<OrganisationFile>(root, "organisations.yml", report, ImportOrganisation, ct);
        await ImportListAsync<PersonFile>(root, "people.yml", report, ImportPerson, ct);
        await ImportListAsync<SectionFile>(root, "sections.yml", report, ImportSectionTree, ct);
        await ImportMediaAsync(root, report, ct);
        await ImportDocumentsAsync<ConferenceFrontMatter>(root, "conferences", report, ImportConferenceAsync, ct);
        await ImportDocumentsAsync<ArticleFrontMatter>(root, "news", report, ImportArticleAsync, ct);
        await ImportDocumentsAsync<ProcessFrontMatter>(root, "processes", report, ImportProcessAsync, ct);
        await ImportListAsync<TagFile>(root, "tags.yml", report, ImportTagLinkAsync, ct);
        await names.ReloadAsync(db, ct);

        foreach (var problem in report.Problems)
        {
            logger.LogWarning("Content file {File} was not imported: {Problem}", problem.File, problem.Message);
        }
        logger.LogInformation("Imported content from {Root}: {Created} created, {Updated} updated, {Unchanged} unchanged, {Problems} problems",
            root, report.Created, report.Updated, report.Unchanged, report.Problems.Count);
        return report;
    }

    // Which file claimed each (kind, language, slug) in this run, so a duplicate names both files.
    private readonly Dictionary<string, string> _claimed = new(StringComparer.Ordinal);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private void Claim(string kind, string language, string slug, string file)
    {
        var key = $"{kind}/{language}/{slug}";
        if (_claimed.TryGetValue(key, out var owner))
        {
            throw new ContentException($"slug '{slug}' is already used by {owner}");
        }
        _claimed[key] = file;
    }

    private async Task ImportListAsync<T>(string root, string name, ImportReport report,
        Func<T, int, ImportReport, Task> importEntry, CancellationToken ct)
    {
        var path = Path.Combine(root, name);
        if (!File.Exists(path))
        {
            return;
        }
        List<T>? entries;
        try
        {
            entries = FrontMatter.ReadYaml<List<T>>(await File.ReadAllTextAsync(path, ct));
        }
        catch (ContentException ex)
        {
            report.Problem(name, ex.Message);
            return;
        }
        var position = 0;
        foreach (var entry in entries ?? [])
        {
            position++;
            try
            {
                await importEntry(entry, position, report);
            }
            catch (ContentException ex)
            {
                report.Problem(name, $"entry {position}: {ex.Message}");
            }
        }
        await SaveAsync(name, report, ct);
        logger.LogInformation("{File}: {Entries} entries", name, position);
    }

    private async Task ImportDocumentsAsync<T>(string root, string folder, ImportReport report,
        Func<T, string, string, ImportReport, CancellationToken, Task> importDocument, CancellationToken ct)
        where T : ITranslatable
    {
        var directory = Path.Combine(root, folder);
        if (!Directory.Exists(directory))
        {
            return;
        }
        var parsed = new List<(string Name, T Meta, string Body)>();
        foreach (var path in Directory.EnumerateFiles(directory, "*.md").Order(StringComparer.Ordinal))
        {
            var name = folder + "/" + Path.GetFileName(path);
            try
            {
                var (meta, body) = FrontMatter.Parse<T>(await File.ReadAllTextAsync(path, ct));
                parsed.Add((name, meta, body));
            }
            catch (ContentException ex)
            {
                report.Problem(name, ex.Message);
            }
        }
        // Sources before translations, so a translation always finds the record it translates.
        foreach (var (name, meta, body) in parsed.OrderBy(p => p.Meta.TranslationOf is null ? 0 : 1))
        {
            try
            {
                var (created, updated) = (report.Created, report.Updated);
                await importDocument(meta, body, name, report, ct);
                await SaveAsync(name, report, ct);
                logger.LogInformation("{File}: {Outcome}", name, report.Created > created ? "created" : report.Updated > updated ? "updated" : "unchanged");
            }
            catch (ContentException ex)
            {
                db.ChangeTracker.Clear();
                report.Problem(name, ex.Message);
            }
        }
    }

    private async Task SaveAsync(string name, ImportReport report, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex)
        {
            db.ChangeTracker.Clear();
            report.Problem(name, "the database refused it: " + (ex.InnerException?.Message ?? ex.Message));
        }
    }

    /// <summary>Sets the translations of one reference name from its entry's <c>translations:</c>; true when anything changed.</summary>
    private async Task<bool> TranslateAsync(string text, Dictionary<string, TranslatedName>? translations, Func<TranslatedName, string?> part)
    {
        var languages = (translations ?? []).Keys.ToList();
        Require(languages.All(l => Languages.IsSupported(l) && l != Languages.Default),
            $"translations may name only {string.Join(", ", Languages.Supported.Where(l => l != Languages.Default))}");
        Require((translations ?? []).Values.All(t => !string.IsNullOrWhiteSpace(t.Name)), "each translation needs a name");
        return await Names.NameBook.SetAsync(db, text, translations?.ToDictionary(t => t.Key, t => part(t.Value)), CancellationToken.None);
    }

    /// <summary>The original a translation's <c>translation_of</c> (and <c>translation_from</c>) names, or null for an original.</summary>
    private static async Task<T?> TranslationSourceAsync<T>(IQueryable<T> records, ITranslatable meta, string language, string what, CancellationToken ct)
        where T : class, ITranslatableRecord
    {
        if (string.IsNullOrWhiteSpace(meta.TranslationOf))
        {
            Require(meta.TranslationFrom is null, "translation_from goes with translation_of");
            return null;
        }
        var from = meta.TranslationFrom ?? Languages.Default;
        Require(Languages.IsSupported(from) && from != language, $"translation_from must be another supported language than this file's own ({language})");
        var source = await records.AsNoTracking().FirstOrDefaultAsync(r => r.Language == from && r.Slug == meta.TranslationOf, ct)
            ?? throw new ContentException($"translation_of names '{meta.TranslationOf}', which is not {what} in {from}");
        Require(source.TranslatedFromVersion is null, $"translation_of names '{meta.TranslationOf}', which is itself a translation; name its original");
        return source;
    }

    private bool Changed(object entity)
    {
        var entry = db.Entry(entity);
        entry.DetectChanges();
        return entry.State is EntityState.Modified or EntityState.Added;
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new ContentException(message);
        }
    }

    private static void RequireSlug(string? slug) =>
        Require(Slug.IsValid(slug), $"slug '{slug}' must be lower-case letters, digits and hyphens");

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string Language(string? code, string file)
    {
        var language = string.IsNullOrWhiteSpace(code) ? Languages.Default : code.Trim();
        Require(Languages.IsSupported(language), $"language '{language}' is not one of {string.Join(", ", Languages.Supported)}");
        return language;
    }

    private static PublicationStatus ParseStatus(string? status) => (status ?? "draft").Trim().ToLowerInvariant() switch
    {
        "draft" => PublicationStatus.Draft,
        "scheduled" => PublicationStatus.Scheduled,
        "published" => PublicationStatus.Published,
        _ => throw new ContentException($"status '{status}' must be draft, scheduled or published"),
    };

    private string RenderOrThrow(string body)
    {
        var rendering = markdown.Render(body);
        return rendering.Succeeded ? rendering.Html : throw new ContentException(rendering.Error!);
    }
}
