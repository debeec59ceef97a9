
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

    public async Task<IReadOnlyList<(Tag Tag, int Articles)>> TagsAsync(CancellationToken ct) =>
        (await db.Tags.AsNoTracking().OrderBy(t => t.Name).Select(t => new { Tag = t, Articles = t.Articles.Count }).ToListAsync(ct))
        .Select(x => (x.Tag, x.Articles)).ToList();

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

    public async Task DeleteTagAsync(int id, CancellationToken ct)
    {
        var tag = await db.Tags.Include(t => t.Articles).FirstOrDefaultAsync(t => t.Id == id, ct);
        if (tag is not null)
        {
            db.Tags.Remove(tag);
            await db.SaveChangesAsync(ct);
        }
    }
}
