namespace AlmatyPortal.Web.Features.Content;

public sealed partial class ContentImporter
{
    /// <summary>Links a tag with the same tag in other languages (tags.yml), after the articles that use them are in.</summary>
    private async Task ImportTagLinkAsync(TagFile entry, int position, ImportReport report)
    {
        var names = (entry.SameAs ?? []).Prepend(entry.Name).ToList();
        Require(names.Count >= 2 && names.All(n => !string.IsNullOrWhiteSpace(n)), "a tag needs a name and at least one same_as name");
        var slugs = names.Select(Slug.From).ToList();
        Require(slugs.Distinct().Count() == slugs.Count, "a tag is named twice");
        var tags = await db.Tags.Where(t => slugs.Contains(t.Slug)).ToListAsync();
        var missing = names.Where(n => tags.All(t => t.Slug != Slug.From(n))).ToList();
        Require(missing.Count == 0, $"no article uses the tag '{string.Join("', '", missing)}'");
        if (tags.Select(t => t.TranslationGroup).Distinct().Count() == 1 && tags[0].TranslationGroup is not null)
        {
            report.Count(created: false, changed: false);
            return;
        }
        var group = tags.Select(t => t.TranslationGroup).FirstOrDefault(g => g is not null) ?? Guid.NewGuid();
        foreach (var tag in tags)
        {
            tag.TranslationGroup = group;
        }
        report.Count(created: false, changed: true);
    }
}
