using AlmatyPortal.Web.Features.News;
using AlmatyPortal.Web.Features.Processes;

namespace AlmatyPortal.Web.Features.Content;

/// <summary>The export of processes (processes/) and of the tags linked across languages (tags.yml).</summary>
public sealed partial class ContentExporter
{
    /// <summary>
    /// Each group of linked tags as an entry, named by its tag used in the default language's articles (else the first
    /// by slug), the others as same_as.
    /// </summary>
    private async Task<List<TagFile>> TagLinksAsync(CancellationToken ct)
    {
        var linked = await db.Tags.AsNoTracking().Where(t => t.TranslationGroup != null)
            .Select(t => new { t.Slug, t.Name, Group = t.TranslationGroup!.Value, InDefault = db.Set<TagLanguage>().Any(l => l.TagId == t.Id && l.Language == Languages.Default && l.Count > 0) })
            .ToListAsync(ct);
        return linked.GroupBy(t => t.Group).Where(g => g.Count() > 1)
            .Select(g => g.OrderByDescending(t => t.InDefault).ThenBy(t => t.Slug, StringComparer.Ordinal).ToList())
            .Select(g => new TagFile { Name = g[0].Name, SameAs = g.Skip(1).Select(t => t.Name).Order(StringComparer.Ordinal).ToList() })
            .OrderBy(f => f.Name, StringComparer.Ordinal).ToList();
    }

    private async Task<int> ExportProcessesAsync(string root, CancellationToken ct)
    {
        var processes = await db.Processes.AsNoTracking().OrderBy(p => p.Slug).ToListAsync(ct);
        var sources = processes.Where(p => p.TranslatedFromVersion == null).GroupBy(p => p.TranslationGroup).ToDictionary(g => g.Key, g => (g.First().Slug, g.First().Language));
        var meetings = await db.Set<ProcessConference>().AsNoTracking()
            .Join(db.Conferences, l => l.ConferenceGroup, c => c.TranslationGroup, (l, c) => new { l.ProcessGroup, l.Role, l.ConferenceGroup, c.Slug, c.Language, c.StartDate })
            .ToListAsync(ct);
        var news = await db.Set<ProcessArticle>().AsNoTracking()
            .Join(db.Articles, l => l.ArticleGroup, a => a.TranslationGroup, (l, a) => new { l.ProcessGroup, l.ArticleGroup, a.Slug, a.Language })
            .ToListAsync(ct);
        // A linked record is named by its version in the process's language, else by any version of it.
        static string Named<T>(IEnumerable<T> versions, Func<T, string> language, Func<T, string> slug, string wanted) =>
            slug(versions.OrderBy(v => language(v) == wanted ? 0 : 1).ThenBy(slug, StringComparer.Ordinal).First());
        var files = new Dictionary<string, string>();
        foreach (var p in processes)
        {
            var isOriginal = p.TranslatedFromVersion is null;
            var own = meetings.Where(m => m.ProcessGroup == p.TranslationGroup).GroupBy(m => m.ConferenceGroup).OrderBy(g => g.First().StartDate).ToList();
            var meta = new ProcessFrontMatter
            {
                Name = p.Name,
                Slug = p.Slug,
                Language = p.Language == Languages.Default ? null : p.Language,
                Status = p.Status.ToString().ToLowerInvariant(),
                Summary = NullIfEmpty(p.Summary),
                FoundingConference = !isOriginal ? null : own.Where(g => g.First().Role == ProcessRole.Founding).Select(g => Named(g, m => m.Language, m => m.Slug, p.Language)).FirstOrDefault(),
                FollowUpConferences = !isOriginal ? null : own.Where(g => g.First().Role == ProcessRole.FollowUp).Select(g => Named(g, m => m.Language, m => m.Slug, p.Language)).ToList() is { Count: > 0 } f ? f : null,
                News = !isOriginal ? null : news.Where(n => n.ProcessGroup == p.TranslationGroup).GroupBy(n => n.ArticleGroup)
                    .Select(g => Named(g, n => n.Language, n => n.Slug, p.Language)).Order(StringComparer.Ordinal).ToList() is { Count: > 0 } n ? n : null,
                TranslationOf = isOriginal ? null : sources.GetValueOrDefault(p.TranslationGroup).Slug,
                TranslationFrom = isOriginal ? null : FromLanguage(sources.GetValueOrDefault(p.TranslationGroup).Language),
            };
            files[FileName(p.Slug, p.Language)] = FrontMatter.Write(meta, p.BodyMarkdown);
        }
        return await MirrorAsync(Path.Combine(root, "processes"), files, ct);
    }
}
