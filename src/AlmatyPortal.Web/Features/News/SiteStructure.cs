
namespace AlmatyPortal.Web.Features.News;

/// <summary>Staff changes to sections and tags. Each answers null on success, or the reason it refused.</summary>
public sealed class SiteStructure(PortalDbContext db, Names.NameBook names, IStringLocalizer<SharedResource> t)
{
    public async Task<IReadOnlyList<(Section Section, int Articles)>> SectionsAsync(CancellationToken ct) =>
        (await db.Sections.AsNoTracking().OrderBy(s => s.SortOrder).ThenBy(s => s.Name)
            .Select(s => new { Section = s, Articles = db.Articles.Count(a => a.SectionId == s.Id) }).ToListAsync(ct))
        .Select(x => (x.Section, x.Articles)).ToList();

    public async Task<string?> SaveSectionAsync(int? id, string? name, string? slug, int? parentId, IReadOnlyDictionary<string, string?>? translations, CancellationToken ct)
    {
        name = name?.Trim() ?? "";
        if (TooLong(translations, 120) is { } refusal)
        {
            return refusal;
        }
        slug = string.IsNullOrWhiteSpace(slug) ? Slug.From(name) : slug.Trim();
        if (name.Length is 0 or > 120)
        {
            return t["A section needs a name of at most 120 characters."].Value;
        }
        if (!Slug.IsValid(slug))
        {
            return t["The slug must be lower-case letters, digits and single hyphens."].Value;
        }
        if (await db.Sections.AnyAsync(s => s.Slug == slug && s.Id != (id ?? 0), ct))
        {
            return t["Another section already uses the slug “{0}”.", slug].Value;
        }
        var all = await db.Sections.ToListAsync(ct);
        if (parentId is { } p && (all.All(s => s.Id != p) || id is { } self && SectionTree.WithDescendants(all.Select(s => new SectionNode(s.Id, s.Slug, s.Name, s.ParentId)).ToList(), self).Contains(p)))
        {
            return t["Choose a parent that is not the section itself or one inside it."].Value;
        }
        var section = id is null ? db.Sections.Add(new Section { SortOrder = all.Count + 1 }).Entity : all.FirstOrDefault(s => s.Id == id);
        if (section is null)
        {
            return t["That section no longer exists."].Value;
        }
        (section.Name, section.Slug, section.ParentId) = (name, slug, parentId);
        await Names.NameBook.SetAsync(db, name, translations, ct);
        await db.SaveChangesAsync(ct);
        await names.ReloadAsync(db, ct);
        return null;
    }

    public async Task<string?> DeleteSectionAsync(int id, CancellationToken ct)
    {
        if (await db.Articles.AnyAsync(a => a.SectionId == id, ct) || await db.Sections.AnyAsync(s => s.ParentId == id, ct))
        {
            return t["Only an empty section can be deleted: move its articles and sections first."].Value;
        }
        // Through the change tracker, so the pages that showed the section are purged with it.
        if (await db.Sections.FindAsync([id], ct) is { } section)
        {
            db.Sections.Remove(section);
            await db.SaveChangesAsync(ct);
        }
        return null;
    }

    private string? TooLong(IReadOnlyDictionary<string, string?>? translations, int length) => Names.NameBook.TooLong(translations, length, t);

    /// <summary>Every tag with its number of articles and the language most of them are in (null for a tag on no article).</summary>
    public async Task<IReadOnlyList<(Tag Tag, int Articles, string? Language)>> TagsAsync(CancellationToken ct) =>
        (await db.Tags.AsNoTracking().OrderBy(t => t.Name)
            .Select(t => new
            {
                Tag = t, Articles = t.Articles.Count,
                Language = db.Set<TagLanguage>().Where(l => l.TagId == t.Id && l.Count > 0).OrderByDescending(l => l.Count).ThenBy(l => l.Language).Select(l => l.Language).FirstOrDefault(),
            })
            .ToListAsync(ct))
        .Select(x => (x.Tag, x.Articles, x.Language)).ToList();

    public async Task<string?> RenameTagAsync(int id, string? name, CancellationToken ct)
    {
        name = name?.Trim() ?? "";
        var slug = Slug.From(name);
        if (name.Length is 0 or > 80 || slug.Length == 0)
        {
            return t["A tag needs a name with letters or digits, of at most 80 characters."].Value;
        }
        if (await db.Tags.AnyAsync(t => t.Slug == slug && t.Id != id, ct))
        {
            return t["The tag “{0}” already exists.", name].Value;
        }
        var tag = await db.Tags.FirstOrDefaultAsync(t => t.Id == id, ct);
        if (tag is null)
        {
            return t["That tag no longer exists."].Value;
        }
        (tag.Name, tag.Slug) = (name, slug);
        await db.SaveChangesAsync(ct);
        return null;
    }

    /// <summary>
    /// Makes <paramref name="otherId"/> the same tag as <paramref name="id"/> in another language. A tag left alone in
    /// its old group is unlinked too, so no page links a tag that no longer links back.
    /// </summary>
    public async Task<string?> LinkTagAsync(int id, int? otherId, CancellationToken ct)
    {
        var pair = await db.Tags.Where(t => t.Id == id || t.Id == otherId).ToListAsync(ct);
        if (otherId is null || otherId == id || pair.Count != 2)
        {
            return t["Choose another tag from the list."].Value;
        }
        var (tag, other) = (pair.Single(x => x.Id == id), pair.Single(x => x.Id == otherId));
        var group = tag.TranslationGroup ?? other.TranslationGroup ?? Guid.NewGuid();
        var leaving = new[] { tag.TranslationGroup, other.TranslationGroup }.Where(g => g is not null && g != group).ToList();
        (tag.TranslationGroup, other.TranslationGroup) = (group, group);
        await UnlinkLoneTagsAsync(leaving, pair, ct);
        await db.SaveChangesAsync(ct);
        return null;
    }

    public async Task UnlinkTagAsync(int id, CancellationToken ct)
    {
        var tag = await db.Tags.FirstOrDefaultAsync(t => t.Id == id, ct);
        if (tag?.TranslationGroup is { } group)
        {
            tag.TranslationGroup = null;
            await UnlinkLoneTagsAsync([group], [tag], ct);
            await db.SaveChangesAsync(ct);
        }
    }

    // A group with one tag left links nothing: that tag is unlinked, and so its page is purged too.
    private async Task UnlinkLoneTagsAsync(IReadOnlyCollection<Guid?> groups, IReadOnlyCollection<Tag> moved, CancellationToken ct)
    {
        var ids = moved.Select(m => m.Id).ToList();
        foreach (var group in groups)
        {
            var left = await db.Tags.Where(x => x.TranslationGroup == group && !ids.Contains(x.Id)).ToListAsync(ct);
            if (left.Count == 1)
            {
                left[0].TranslationGroup = null;
            }
        }
    }

    public async Task DeleteTagAsync(int id, CancellationToken ct)
    {
        var tag = await db.Tags.Include(t => t.Articles).FirstOrDefaultAsync(t => t.Id == id, ct);
        if (tag is not null)
        {
            await UnlinkLoneTagsAsync([tag.TranslationGroup], [tag], ct);
            db.Tags.Remove(tag);
            await db.SaveChangesAsync(ct);
        }
    }
}
