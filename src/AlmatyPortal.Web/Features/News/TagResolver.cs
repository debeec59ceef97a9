
namespace AlmatyPortal.Web.Features.News;

/// <summary>Turns tag names into tags, for the editor and the importer alike.</summary>
public static class TagResolver
{
    /// <summary>
    /// One tag per distinct slug, in the order given: a tag already tracked or stored (all read in one query) or a new
    /// one added to the context. Names without letters or digits are skipped; callers that must refuse them check first.
    /// </summary>
    public static async Task<List<Tag>> ResolveAsync(PortalDbContext db, IEnumerable<string> names, CancellationToken ct)
    {
        var wanted = names.Select(n => (Name: n.Trim(), Slug: Slug.From(n))).Where(n => n.Slug.Length > 0).DistinctBy(n => n.Slug).ToList();
        var slugs = wanted.Select(w => w.Slug).ToList();
        var missing = slugs.Where(s => db.Tags.Local.All(t => t.Slug != s)).ToList();
        if (missing.Count > 0)
        {
            // Loaded tags join the context's local view, where the lookup below finds them.
            await db.Tags.Where(t => missing.Contains(t.Slug)).LoadAsync(ct);
        }
        return wanted.Select(w => db.Tags.Local.FirstOrDefault(t => t.Slug == w.Slug) ?? db.Tags.Add(new Tag { Slug = w.Slug, Name = w.Name }).Entity).ToList();
    }
}
