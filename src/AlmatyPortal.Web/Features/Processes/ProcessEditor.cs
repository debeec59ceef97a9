using AlmatyPortal.Web.Features.Audit;
using AlmatyPortal.Web.Features.Markdown;

namespace AlmatyPortal.Web.Features.Processes;

/// <summary>
/// Saves process records from the admin form in the shape of the other editors: validate, apply, commit, checked
/// against the version the editor started from. The meetings and news are linked by translation group, so the links
/// made on one language version hold for every other.
/// </summary>
public sealed class ProcessEditor(PortalDbContext db, MarkdownRenderer markdown, AuditLog audit, OfficeClock clock, IStringLocalizer<SharedResource> t)
{
    public async Task<SaveOutcome> SaveAsync(ProcessInput input, SaveIntent intent, string user, CancellationToken ct = default)
    {
        var existing = input.Id is { } id ? await db.Processes.FirstOrDefaultAsync(p => p.Id == id, ct) : null;
        if (input.Id is not null && existing is null)
        {
            return new SaveOutcome.NotFound();
        }
        var language = existing?.Language ?? (Languages.IsSupported(input.Language) ? input.Language : Languages.Default);
        var slug = string.IsNullOrWhiteSpace(input.Slug) ? Slug.From(input.Name) : input.Slug.Trim();
        var rendering = markdown.Render(input.Body);
        var errors = await ValidateAsync(input, slug, language, rendering, ct);
        if (errors.Count > 0)
        {
            return new SaveOutcome.Invalid(errors);
        }
        if (existing is not null && existing.Version != input.Version)
        {
            return new SaveOutcome.Conflict(existing.Version, existing.Name);
        }
        var process = existing ?? db.Processes.Add(new Process { Language = language, CreatedAt = clock.UtcNow }).Entity;
        await ApplyAsync(process, input, slug, rendering, intent, ct);
        if (intent is SaveIntent.Publish or SaveIntent.Unpublish)
        {
            audit.Add(intent == SaveIntent.Publish ? AuditLog.Publish : AuditLog.Unpublish, AuditText.Format(AuditText.Process, process.Slug), actor: user);
        }
        try
        {
            await db.SaveChangesAsync(ct);
            return new SaveOutcome.Saved(process.Id, process.Version, process.Status, process.Slug);
        }
        catch (DbUpdateConcurrencyException)
        {
            var (version, name) = (process.Version - 1, process.Name);
            db.ChangeTracker.Clear();
            return new SaveOutcome.Conflict(version, name);
        }
    }

    private async Task<Dictionary<string, string>> ValidateAsync(ProcessInput input, string slug, string language, MarkdownRendering rendering, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(input.Name)) { errors[nameof(input.Name)] = t["Enter a name."].Value; }
        if (!rendering.Succeeded) { errors[nameof(input.Body)] = t[MarkdownRenderer.TooDeeplyNested, MarkdownRenderer.MaxNestingDepth].Value; }
        if (!Slug.IsValid(slug)) { errors[nameof(input.Slug)] = t["Use lower-case letters, digits and single hyphens."].Value; }
        else if (await db.Processes.AnyAsync(p => p.Language == language && p.Slug == slug && p.Id != (input.Id ?? 0), ct))
        {
            errors[nameof(input.Slug)] = t["Another process already uses this slug."].Value;
        }
        var meetings = input.FollowUpConferences.Append(input.FoundingConference ?? 0).Where(i => i != 0).Distinct().ToList();
        if (await db.Conferences.CountAsync(c => meetings.Contains(c.Id), ct) != meetings.Count)
        {
            errors[nameof(input.FollowUpConferences)] = t["Choose conferences from the lists."].Value;
        }
        else if (input.FoundingConference is { } founding && input.FollowUpConferences.Contains(founding))
        {
            errors[nameof(input.FollowUpConferences)] = t["The founding conference cannot also be a follow-up meeting."].Value;
        }
        var articles = input.Articles.Distinct().ToList();
        if (await db.Articles.CountAsync(a => articles.Contains(a.Id), ct) != articles.Count)
        {
            errors[nameof(input.Articles)] = t["Choose articles from the list."].Value;
        }
        return errors;
    }

    private async Task ApplyAsync(Process process, ProcessInput input, string slug, MarkdownRendering rendering, SaveIntent intent, CancellationToken ct)
    {
        process.Name = input.Name.Trim();
        process.Slug = slug;
        process.Summary = (input.Summary ?? "").Trim();
        process.BodyMarkdown = input.Body ?? "";
        process.BodyHtml = rendering.Html;
        process.Status = intent switch
        {
            SaveIntent.Publish => PublicationStatus.Published,
            SaveIntent.Unpublish => PublicationStatus.Draft,
            _ => process.Status,
        };
        await LinkAsync(process.TranslationGroup, input, ct);
        if (process.TranslatedFromVersion is not null)
        {
            // Saved by a translator with the source at hand: the translation now follows the source as it is.
            process.TranslatedFromVersion = await TranslationGroups.OriginalVersionAsync(db.Processes, process.TranslationGroup, process.Id, ct)
                ?? process.TranslatedFromVersion;
        }
        process.Version++;
        process.UpdatedAt = clock.UtcNow;
    }

    /// <summary>Makes the process's meetings and news exactly those of the form, keeping the rows that stay.</summary>
    private async Task LinkAsync(Guid group, ProcessInput input, CancellationToken ct)
    {
        var conferenceGroups = await db.Conferences.Where(c => input.FollowUpConferences.Contains(c.Id) || c.Id == input.FoundingConference)
            .Select(c => new { c.Id, c.TranslationGroup }).ToListAsync(ct);
        // One role a meeting: the founding one wins if a language version of it was also picked as a follow-up.
        var wanted = conferenceGroups.GroupBy(c => c.TranslationGroup)
            .ToDictionary(g => g.Key, g => g.Any(c => c.Id == input.FoundingConference) ? ProcessRole.Founding : ProcessRole.FollowUp);
        var links = await db.Set<ProcessConference>().Where(l => l.ProcessGroup == group).ToListAsync(ct);
        db.RemoveRange(links.Where(l => !wanted.ContainsKey(l.ConferenceGroup)));
        foreach (var (conferenceGroup, role) in wanted)
        {
            if (links.FirstOrDefault(l => l.ConferenceGroup == conferenceGroup) is { } link)
            {
                link.Role = role;
            }
            else
            {
                db.Add(new ProcessConference { ProcessGroup = group, ConferenceGroup = conferenceGroup, Role = role });
            }
        }

        var articleGroups = await db.Articles.Where(a => input.Articles.Contains(a.Id)).Select(a => a.TranslationGroup).Distinct().ToListAsync(ct);
        var named = await db.Set<ProcessArticle>().Where(l => l.ProcessGroup == group).ToListAsync(ct);
        db.RemoveRange(named.Where(l => !articleGroups.Contains(l.ArticleGroup)));
        db.AddRange(articleGroups.Where(g => named.All(l => l.ArticleGroup != g)).Select(g => new ProcessArticle { ProcessGroup = group, ArticleGroup = g }));
    }
}
