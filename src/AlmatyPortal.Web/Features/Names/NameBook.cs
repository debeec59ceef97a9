using System.Collections.Frozen;

namespace AlmatyPortal.Web.Features.Names;

/// <summary>
/// The reference names in memory, so pages read them without a query. Reloaded after an import or a change on this
/// instance, as soon as the purge log shows another instance changed a name, and every minute besides.
/// </summary>
public sealed class NameBook(PageCache.PagePurge purge)
{
    private FrozenDictionary<(string Language, string Text), string> _names = FrozenDictionary<(string, string), string>.Empty;
    private bool _loaded;

    public string? Find(string language, string text) => _names.GetValueOrDefault((language, text));

    public async Task ReloadAsync(PortalDbContext db, CancellationToken ct = default)
    {
        var rows = await db.NameTranslations.AsNoTracking().ToListAsync(ct);
        var before = _names;
        var first = !_loaded;
        _names = rows.ToFrozenDictionary(r => (r.Language, r.Text), r => r.Translation);
        _loaded = true;
        if (first)
        {
            // The first load, at start-up before any request: no page has been cached with an older name.
            return;
        }
        // Pages print names through this book, so a page cached before a change (made here or on another instance)
        // is purged once the book has the new name, never before.
        var changed = before.Keys.Union(_names.Keys)
            .Where(k => before.GetValueOrDefault(k) != _names.GetValueOrDefault(k)).Select(k => k.Text);
        await purge.EvictAsync(PageCache.PageTags.Names(changed).ToList());
    }

    /// <summary>Sets (or, for an empty value, removes) the translations of one name; the caller saves.</summary>
    /// <summary>The refusal for a translated name longer than <paramref name="length"/>, or null.</summary>
    public static string? TooLong(IReadOnlyDictionary<string, string?>? translations, int length, Microsoft.Extensions.Localization.IStringLocalizer t) =>
        translations?.Any(n => Infrastructure.Localization.Languages.IsSupported(n.Key) && n.Value?.Trim().Length > length) == true
            ? t["A translated name can have at most {0} characters.", length].Value : null;

    public static async Task<bool> SetAsync(PortalDbContext db, string text, IReadOnlyDictionary<string, string?>? translations, CancellationToken ct)
    {
        var changed = false;
        foreach (var language in Languages.Supported.Where(l => l != Languages.Default))
        {
            var wanted = translations?.GetValueOrDefault(language)?.Trim();
            var row = await db.NameTranslations.FindAsync([language, text], ct);
            if (string.IsNullOrEmpty(wanted))
            {
                if (row is not null)
                {
                    db.NameTranslations.Remove(row);
                    changed = true;
                }
            }
            else if (row is null)
            {
                db.NameTranslations.Add(new NameTranslation { Language = language, Text = text, Translation = wanted });
                changed = true;
            }
            else if (row.Translation != wanted)
            {
                row.Translation = wanted;
                changed = true;
            }
        }
        return changed;
    }
}

/// <summary>Refreshes the <see cref="NameBook"/> every minute, for changes made on another instance.</summary>
internal sealed class NameBookRefresh(IServiceScopeFactory scopes, NameBook book, ILogger<NameBookRefresh> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await book.ReloadAsync(scope.ServiceProvider.GetRequiredService<PortalDbContext>(), stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Could not refresh the translated names; the previous ones stay in use");
            }
        }
    }
}

/// <summary>Reloads the name book when another process purged a name, before this process purges the pages that print it.</summary>
internal sealed class NameBookFollower(IServiceScopeFactory scopes, NameBook book) : PageCache.IOtherProcessChanges
{
    public async Task ChangedElsewhereAsync(IReadOnlyCollection<string> tags, CancellationToken ct)
    {
        if (tags.Any(PageCache.PageTags.IsName))
        {
            await using var scope = scopes.CreateAsyncScope();
            await book.ReloadAsync(scope.ServiceProvider.GetRequiredService<PortalDbContext>(), ct);
        }
    }
}
