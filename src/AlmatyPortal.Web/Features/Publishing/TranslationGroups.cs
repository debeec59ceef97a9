
namespace AlmatyPortal.Web.Features.Publishing;

/// <summary>
/// The rules of a translation group, shared by articles and conference records. The group's source is its original:
/// the one version that is not a translation of another, in whichever language it was written.
/// </summary>
public static class TranslationGroups
{
    /// <summary>The current version of the group's original, seen from another member; null when there is none.</summary>
    public static Task<int?> OriginalVersionAsync<T>(IQueryable<T> records, Guid group, int selfId, CancellationToken ct)
        where T : class, ITranslatableRecord =>
        records.Where(r => r.TranslationGroup == group && r.Id != selfId && r.TranslatedFromVersion == null)
            .Select(r => (int?)r.Version).FirstOrDefaultAsync(ct);

    /// <summary>The other language versions of a record (language → id).</summary>
    public static async Task<Dictionary<string, int>> VersionsAsync<T>(IQueryable<T> records, Guid group, int exceptId, CancellationToken ct)
        where T : class, ITranslatableRecord =>
        (await records.AsNoTracking().Where(r => r.TranslationGroup == group && r.Id != exceptId).Select(r => new { r.Language, r.Id }).ToListAsync(ct))
        .GroupBy(r => r.Language).ToDictionary(g => g.Key, g => g.First().Id);

    /// <summary>A record's other language versions (language → id), and for a translation its original's id and whether that moved on since.</summary>
    public static async Task<(Dictionary<string, int> Others, int? SourceId, bool OutOfDate)> StateAsync<T>(IQueryable<T> records, Guid group, int? translatedFromVersion, int id, CancellationToken ct)
        where T : class, ITranslatableRecord
    {
        var source = translatedFromVersion is null ? null
            : await records.AsNoTracking().Where(r => r.TranslationGroup == group && r.Id != id && r.TranslatedFromVersion == null)
                .Select(r => new { r.Id, r.Version }).FirstOrDefaultAsync(ct);
        return (await VersionsAsync(records, group, id, ct), source?.Id, source is not null && source.Version > translatedFromVersion);
    }

    /// <summary>A group's address in each of its languages, as pages and the sitemap link them: "/news/x", "/ru/news/y".</summary>
    public static Dictionary<string, string> Addresses(IEnumerable<(string Language, string Slug)> members, string path) =>
        members.GroupBy(m => m.Language).ToDictionary(g => g.Key, g => $"{Infrastructure.Localization.Cultures.Prefix(g.Key)}{path}{g.First().Slug}");

    /// <summary>A slug free in the language: the source's own, else with -2, -3 … appended.</summary>
    public static async Task<string> FreeSlugAsync<T>(IQueryable<T> records, string language, string slug, CancellationToken ct)
        where T : class, ITranslatableRecord
    {
        var free = slug;
        for (var n = 2; await records.AnyAsync(r => r.Language == language && r.Slug == free, ct); n++)
        {
            free = $"{slug}-{n}";
        }
        return free;
    }

    /// <summary>Translations whose original has moved on since they were last brought in step, with that original.</summary>
    public static IQueryable<Lagging<T>> Behind<T>(IQueryable<T> records)
        where T : class, ITranslatableRecord =>
        records.AsNoTracking().Where(t => t.TranslatedFromVersion != null)
            .Join(records.Where(o => o.TranslatedFromVersion == null), t => t.TranslationGroup, o => o.TranslationGroup,
                (t, o) => new Lagging<T> { Translation = t, Original = o })
            .Where(x => x.Original.Version > x.Translation.TranslatedFromVersion);
}

/// <summary>A translation that fell behind, and the original it follows.</summary>
public sealed class Lagging<T>
{
    public required T Translation { get; init; }
    public required T Original { get; init; }
}
